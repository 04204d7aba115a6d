/**
 * Demo data of the inspections service for `npm start`, after the interviews demo: accountability
 * cases of the city at each stage (open with the two extra investigations of 一案双查, decided with a
 * follow-up visit due, closed with a removal whose ban rejects a later appointment, exempted with a
 * clarification notice, reopened by a look-back, escalated from a county to the city), a gift
 * handed in, two patrols (a routine one of the counties, a specialised one of the departments) with
 * findings and a reminder letter replied to, an integrity situation report endorsed with money
 * partly recovered, and the year's assessment of the counties in Haining's configuration, published,
 * with a feedback sheet to the last-ranked. Driven through the API as each person would, with a
 * token whose subject is their person id; skipped when the city's commission has cases already.
 */
import type { Runtime } from './runtime.js';
import { signToken } from './jwt.js';
import type { Role } from '#shared/auth/roles.js';
import type { HttpClient } from './support/httpClient.js';
import { postWhenKnown } from './support/whenKnown.js';
import type { DemoUnit } from './demoReports.js';

interface Post {
  readonly personId: string;
  readonly unitId: string;
  readonly name: string;
  readonly role: string;
}

/** The CST date `days` from now. */
const cstDay = (days: number): string => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

export const seedInspections = async (api: HttpClient, runtime: Runtime, tree: readonly DemoUnit[], cityId: string): Promise<void> => {
  const admin = await signToken(runtime.keys, 'admin');
  const posts = async (unitId: string): Promise<Post[]> => (await api.expect<{ posts: Array<Omit<Post, 'unitId'>> }>('GET', `/api/units/${unitId}/posts`, 200, { token: admin })).posts.map((p) => ({ ...p, unitId }));
  const as = (post: Post, role: Role) => signToken(runtime.keys, role, post.unitId, post.personId);
  const chief = (await posts(cityId)).find((p) => p.role === 'disciplineChief');
  const below = tree.filter((u) => u.parentId === cityId);
  const counties = below.filter((u) => tree.some((t) => t.parentId === u.id));
  const departments = below.filter((u) => !counties.includes(u));
  if (!chief || counties.length < 3 || departments.length < 3) return;
  const commission = await as(chief, 'discipline_inspector');
  const today = cstDay(0);
  const existing = await api.request<{ cases: unknown[] }>('GET', `/api/units/${counties[0]!.id}/cases?year=${today.slice(0, 4)}`, { token: commission });
  if (existing.status === 200 && existing.body.cases.length > 0) return;

  const post = <T>(path: string, token: string, body: unknown, status = 200) => postWhenKnown<T>(api, path, token, body, status);
  const member = async (unitId: string, index = 0) => (await posts(unitId)).filter((p) => p.role === 'teamMember')[index]!;
  const open = (person: Post, facts: string, extra: Record<string, unknown> = {}, token = commission) =>
    post<{ caseId: string }>(`/api/units/${person.unitId}/cases`, token, { personId: person.personId, source: { kind: 'manual', note: '信访举报' }, facts, openedOn: cstDay(-40), ...extra }, 201).then((c) => c.caseId);
  const step = (caseId: string, what: string, body: unknown, token = commission) => post(`/api/cases/${caseId}/${what}`, token, body);

  // Open, in a listed situation: the two extra investigations of 一案双查 open with it.
  await open(await member(counties[1]!.id), '分管领域连续发生三起违纪案件，涉及多名工作人员', { situation: 'serialCases' });

  // Decided: an admonishment, its follow-up visit due in six months.
  const decided = await open(await member(counties[2]!.id), '对分管领域廉政风险排查不力，下属单位发生违规发放津补贴问题');
  await step(decided, 'measures', { measure: 'admonishment', decidedOn: cstDay(-20), basis: '依据《中国共产党问责条例》第八条第一款' });

  // Closed with a removal: its one-year ban rejects a later appointment to an equivalent post.
  const removed = await member(counties[0]!.id);
  const closed = await open(removed, '在工程项目招投标中违规干预，造成重大损失', { source: { kind: 'hearingComment', id: `demo-hearing-${counties[0]!.id.slice(-6)}`, note: '述责述廉点评指出' } });
  await step(closed, 'measures', { measure: 'removal', decidedOn: cstDay(-25), basis: '依据《中国共产党问责条例》第八条第三款' });
  await step(closed, 'close', { outcome: 'accountable', closedOn: cstDay(-20) });
  await step(closed, 'typical', { summary: `${removed.name}在工程项目招投标中违规干预，造成重大损失，受到免职处理，一年内不得担任与原任职务相当的领导职务。` });
  await post(`/api/units/${removed.unitId}/people/${removed.personId}/opinions`, commission, { appointment: { kind: 'equivalent', post: '市直部门主要负责人', on: cstDay(30) } }, 201);

  // Exempted: the department's committee asked, the commission granted, a clarification notice issued.
  const department = (await posts(departments[0]!.id)).find((p) => p.role === 'secretary')!;
  const exempted = await open(await member(departments[0]!.id), '改革试点中先行先试，政策执行出现偏差');
  await step(exempted, 'exemption-request', { situation: 'explorationWithoutRules', reason: '属于改革探索中的失误，未谋取私利，已及时纠正', requestedOn: cstDay(-30) }, await as(department, 'unit_secretary'));
  await step(exempted, 'exemption-decision', { grant: true, decidedOn: cstDay(-15), clarification: '经市纪委监委调查核实，该同志在改革试点中出现的失误符合容错情形，予以免责，特此澄清正名。' });

  // Reopened: closed with a circulated criticism, then a look-back found accountability fell short.
  const reopened = await open(await member(departments[1]!.id), '落实中央八项规定精神不力，多次违规公款吃喝');
  await step(reopened, 'measures', { measure: 'circulatedCriticism', decidedOn: cstDay(-35), basis: '依据《中国共产党问责条例》第八条第一款' });
  await step(reopened, 'close', { outcome: 'accountable', closedOn: cstDay(-30) });
  await step(reopened, 'look-back', { shortfall: true, reason: '“回头看”发现问责偏轻，未追究分管领导责任', on: cstDay(-5) });

  // Escalated: opened by a county's commission on a town's cadre, then taken by the city's.
  const town = tree.find((u) => u.parentId === counties[0]!.id);
  const countyChief = (await posts(counties[0]!.id)).find((p) => p.role === 'disciplineChief');
  if (town && countyChief) {
    const escalated = await open(await member(town.id), '镇主要负责人涉嫌违规插手工程，本级查处存在阻力', {}, await as(countyChief, 'discipline_inspector'));
    await step(escalated, 'escalate', { reason: '涉及本级党委主要负责人，提级由市纪委监委办理' }, await as(countyChief, 'discipline_inspector'));
  }

  // Two patrols: a routine one of the counties, a specialised one of two departments, each with
  // findings whose rectification the reports service follows; the first county replied to its letter.
  const year = Number(today.slice(0, 4));
  const routine = await post<{ patrolId: string }>(`/api/units/${cityId}/patrols`, commission, {
    kind: 'routine',
    subject: `${year}年第一轮常规巡察`,
    team: [{ name: '巡察组组长', role: 'leader' }, { name: '巡察组副组长', role: 'deputyLeader' }, { name: '巡察专员', role: 'member' }],
    coveredUnitIds: counties.map((c) => c.id),
    from: `${year}-03-01`,
    to: `${year}-04-30`,
  }, 201);
  const routineFindings = ['“三重一大”决策制度执行不严', '基层党组织换届后制度建设滞后', '整改落实台账不完整'];
  for (const [i, county] of counties.entries()) {
    await post(`/api/patrols/${routine.patrolId}/findings`, commission, { unitId: county.id, text: routineFindings[i % routineFindings.length], rectification: { action: `针对“${routineFindings[i % routineFindings.length]}”制定整改方案并逐项销号`, dueDate: cstDay(60 + i * 15) } });
  }
  const { findings } = await api.expect<{ findings: Array<{ findingId: string; unitId: string }> }>('GET', `/api/patrols/${routine.patrolId}`, 200, { token: commission });
  const first = findings.find((f) => f.unitId === counties[0]!.id)!;
  const patrolled = await post<{ letters: Array<{ letterId: string }> }>(`/api/patrols/${routine.patrolId}/reminder-letters`, commission, { unitId: counties[0]!.id, findingIds: [first.findingId], demands: '请于期限内书面报告整改进展及长效机制建设情况。', replyDueDate: cstDay(20) });
  const countySecretary = (await posts(counties[0]!.id)).find((p) => p.role === 'secretary');
  if (countySecretary) await post(`/api/units/${counties[0]!.id}/reminder-letters/${patrolled.letters[0]!.letterId}/reply`, await as(countySecretary, 'unit_secretary'), { text: '已召开专题会议研究部署，完成制度修订3项。' });
  const specialised = await post<{ patrolId: string }>(`/api/units/${cityId}/patrols`, commission, {
    kind: 'specialised',
    subject: '惠民惠农资金管理使用专项巡察',
    team: [{ name: '专项巡察组组长', role: 'leader' }, { name: '专项巡察组成员', role: 'member' }],
    coveredUnitIds: departments.slice(0, 2).map((d) => d.id),
    from: `${year}-06-01`,
    to: `${year}-07-15`,
  }, 201);
  await post(`/api/patrols/${specialised.patrolId}/findings`, commission, { unitId: departments[0]!.id, text: '资金拨付审核把关不严，个别项目超标准发放', rectification: { action: '全面清理资金拨付台账，追回超标准发放资金', dueDate: cstDay(45) } });

  // An integrity situation report: a county's commission finds a town's payments made twice and to
  // someone not entitled; the county's secretary endorses it; part of the money is recovered.
  if (countyChief && countySecretary && town) {
    const countyCommission = await as(countyChief, 'discipline_inspector');
    const rows = [
      '人员编号,项目,期间,金额,账户',
      'DEMO-0001,高龄补贴,2026-07,100,6222000000000101',
      'DEMO-0001,高龄补贴,2026-07,100,6222000000000101',
      'DEMO-0002,高龄补贴,2026-07,100,6222000000000102',
      'DEMO-0003,低保金,2026-07,600,6222000000000103',
    ].join('\n');
    const report = await post<{ reportId: string }>(`/api/units/${counties[0]!.id}/situation-reports`, countyCommission, {
      title: `${year}年7月惠民资金发放廉情抄告`,
      concernedUnitId: town.id,
      format: 'csv',
      content: rows,
      rules: { standards: [{ programme: '高龄补贴', standardYuan: 100 }, { programme: '低保金', standardYuan: 600 }], notEntitled: [{ programme: '低保金', payeeId: 'DEMO-0003' }], payeesPerAccount: 3 },
    }, 201);
    await post(`/api/situation-reports/${report.reportId}/endorse`, await as(countySecretary, 'unit_secretary'), { instruction: '请镇党委立即核查，限期追回违规资金，举一反三堵塞漏洞。', rectification: { action: '逐户核查惠民资金发放，追回违规资金', dueDate: cstDay(30) } });
    await post(`/api/situation-reports/${report.reportId}/recoveries`, countyCommission, { amountYuan: 100, recoveredOn: today, note: '已退缴财政专户' });
  }

  // The year's assessment of the counties in Haining's configuration: on-site points entered, the
  // results published, and the last-ranked county's feedback sheet issued.
  const assessment = await post<{ assessmentId: string }>(`/api/units/${cityId}/assessments`, commission, { year, configuration: 'haining', category: '县（市、区）委', disclosureScope: 'public', admonishLowest: 1 }, 201);
  const onSite = [18, 16, 14];
  for (const [i, county] of counties.entries()) {
    await api.expect('PUT', `/api/assessments/${assessment.assessmentId}/units/${county.id}/entries/onSite`, 200, { token: commission, body: { points: onSite[i % onSite.length], note: '实地查看台账、听取汇报、个别谈话' } });
  }
  const published = await post<{ sheets: Array<{ unitId: string; rank: number }> }>(`/api/assessments/${assessment.assessmentId}/publish`, commission, undefined);
  const last = [...published.sheets].sort((a, b) => b.rank - a.rank)[0]!;
  await post(`/api/assessments/${assessment.assessmentId}/units/${last.unitId}/feedback-sheet`, commission, {
    summary: '主体责任落实有差距，责任传导层层递减，巡察反馈问题整改不够彻底。',
    demands: [
      { action: '健全党委主体责任清单，逐级签订责任书并压实到人', dueDate: cstDay(60) },
      { action: '建立红灯任务专项督办机制，每月研究一次', dueDate: cstDay(90) },
    ],
  }, 201);

  // A gift handed in, by the cadre who received it.
  const giver = (await posts(departments[2]!.id)).find((p) => p.role === 'secretary');
  if (giver) await post(`/api/units/${giver.unitId}/gifts`, await as(giver, 'unit_secretary'), { receivedOn: cstDay(-12), giver: '某企业负责人', item: '购物卡', value: 3000, handling: 'handedIn', note: '已上交市纪委监委廉政账户' }, 201);
};
