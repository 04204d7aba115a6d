/**
 * Demo data of the interviews service for `npm start`, after the signing and reports demos: a joint
 * talk of the city at each step of its procedure (proposed, approved, held, positions stated,
 * rectifying), talks of every other kind, the reminder talk a red light suggested held, warning
 * notices replied and accepted, replied and waiting, and one left unanswered, and the education
 * ledgers of two counties. Driven through the API as each person would, with a token whose subject
 * is their person id; skipped when the city's commission has proposed talks already.
 *
 * With `overdueRun`, the deadline engine is run once for the day after tomorrow, so that the notice
 * left unanswered (due tomorrow) shows overdue: what that day's run would do, done early and never
 * again (the engine sends nothing twice).
 */
import type { Runtime } from './runtime.js';
import { signToken } from './jwt.js';
import type { Role } from '#shared/auth/roles.js';
import type { HttpClient } from './support/httpClient.js';
import { eventually } from './support/eventually.js';
import { postWhenKnown } from './support/whenKnown.js';
import type { DemoUnit } from './demoReports.js';

interface Post {
  readonly personId: string;
  readonly unitId: string;
  readonly name: string;
  readonly role: 'secretary' | 'deputySecretary' | 'teamMember' | 'disciplineChief';
}

interface Talk {
  readonly talkId: string;
  readonly status: string;
  readonly suggested: boolean;
}

/** The CST date `days` from now. */
const cstDay = (days: number): string => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

export const seedInterviews = async (api: HttpClient, runtime: Runtime, tree: readonly DemoUnit[], cityId: string, year: number, options: { readonly overdueRun?: boolean } = {}): Promise<void> => {
  const admin = await signToken(runtime.keys, 'admin');
  const posts = async (unitId: string) => (await api.expect<{ posts: Array<Omit<Post, 'unitId'>> }>('GET', `/api/units/${unitId}/posts`, 200, { token: admin })).posts.map((p) => ({ ...p, unitId }));
  const as = (post: Post, role: Role) => signToken(runtime.keys, role, post.unitId, post.personId);
  const city = await posts(cityId);
  const one = (people: readonly Post[], role: Post['role']) => people.find((p) => p.role === role);
  const [secretary, deputy, chief] = [one(city, 'secretary'), one(city, 'deputySecretary'), one(city, 'disciplineChief')];
  const organisation = city.filter((p) => p.role === 'teamMember')[0];
  if (!secretary || !deputy || !chief || !organisation) return;
  const commission = await as(chief, 'discipline_inspector');
  const below = tree.filter((u) => u.parentId === cityId);
  const counties = below.filter((u) => tree.some((t) => t.parentId === u.id));
  const departments = below.filter((u) => !counties.includes(u));
  if (counties.length < 3 || departments.length < 4) return;
  // The city's commission proposed the demo's joint talks: its own talks say whether they are there.
  const existing = await api.request<{ talks: unknown[] }>('GET', '/api/my/talks', { token: commission });
  if (existing.status === 200 && existing.body.talks.length > 0) {
    // Seeded before: the notice left unanswered today, due tomorrow, can still be shown overdue.
    if (!options.overdueRun) return;
    const { notices } = await api.expect<{ notices: Array<{ noticeId: string; status: string; overdue: boolean; replyDueAt: string }> }>('GET', `/api/units/${counties[1]!.id}/warning-notices?year=${cstDay(0).slice(0, 4)}`, 200, { token: commission });
    const late = notices.find((n) => n.status === 'issued' && !n.overdue && n.replyDueAt.startsWith(cstDay(1)));
    if (late) await runUntilOverdue(api, runtime, counties[1]!.id, late.noticeId, commission);
    return;
  }
  const people = new Map(await Promise.all(below.map(async (u) => [u.id, await posts(u.id)] as const)));
  const unitLeaders = (unitId: string) => ({ secretary: one(people.get(unitId)!, 'secretary')!, chief: one(people.get(unitId)!, 'disciplineChief')!, member: one(people.get(unitId)!, 'teamMember')! });

  const post = <T>(path: string, token: string, body: unknown, status = 201) => postWhenKnown<T>(api, path, token, body, status);

  // A joint talk of the city at each step of its procedure.
  const jointSteps = [counties[0]!, counties[1]!, counties[2]!, departments[0]!, departments[1]!];
  const situations = ['keyTaskRed', 'rectificationOverdue', 'decisionsNotFirm', 'complaintsConcentrated', 'minorViolations'];
  const subjects = ['重点任务连续两个季度亮红灯', '巡察反馈问题逾期未整改', '生态环境保护决策部署落实不力', '群众反映农村饮水问题长期未解决', '班子成员分管领域发生轻微违纪问题'];
  for (const [step, unit] of jointSteps.entries()) {
    const leaders = unitLeaders(unit.id);
    const talk = await post<Talk>(`/api/units/${unit.id}/talks`, commission, {
      kind: 'joint',
      source: { kind: step === 3 ? 'complaint' : 'supervision', ...(step === 3 ? { id: `demo-complaint-${unit.id.slice(-6)}` } : {}), note: subjects[step] },
      trigger: situations[step],
      scheduledOn: cstDay(step < 2 ? 7 : -7),
      interviewees: [leaders.secretary.personId, leaders.chief.personId],
      subject: subjects[step],
    });
    if (step < 1) continue;
    await post(`/api/talks/${talk.talkId}/approve`, await as(secretary, 'unit_secretary'), undefined, 200);
    if (step < 2) continue;
    await post(`/api/talks/${talk.talkId}/record`, commission, {
      heldOn: cstDay(-5),
      convenors: { partySecretary: secretary.personId, deputySecretary: deputy.personId, disciplineChief: chief.personId, organisationChief: organisation.personId },
      problems: [`${subjects[step]}，主体责任落实不到位`, '对下级党组织督促指导不力'],
      demands: ['一周内召开专题民主生活会，深刻剖析原因', '两周内报送整改方案，逐项明确责任人和时限'],
      followUp: '市纪委监委跟进监督整改落实情况',
    }, 200);
    if (step < 3) continue;
    await post(`/api/talks/${talk.talkId}/positions`, await as(leaders.secretary, 'unit_secretary'), { text: '诚恳接受批评，立即组织整改，坚决扛起主体责任。' }, 200);
    await post(`/api/talks/${talk.talkId}/positions`, await as(leaders.chief, 'discipline_inspector'), { text: '切实履行监督责任，跟进督促整改到位。' }, 200);
    if (step < 4) continue;
    await post(`/api/talks/${talk.talkId}/rectification-plan`, await as(leaders.secretary, 'unit_secretary'), {
      items: [
        { action: '开展分管领域廉政风险排查', dueDate: cstDay(30) },
        { action: '建立班子成员履责情况季度报告制度', dueDate: cstDay(60) },
      ],
    }, 200);
  }

  // Talks of every other kind, held and recorded.
  const record = async (talkId: string, token: string, convenors: readonly Post[], attendees: readonly Post[], problems: string[], demands: string[], belowDivisionLevel = false) =>
    post(`/api/talks/${talkId}/record`, token, { heldOn: cstDay(-10), convenors: convenors.map((p) => p.personId), attendees: attendees.map((p) => p.personId), problems, demands, belowDivisionLevel }, 200);
  const integrityUnit = unitLeaders(departments[2]!.id);
  const integrity = await post<Talk>(`/api/units/${departments[2]!.id}/talks`, await as(secretary, 'unit_secretary'), {
    kind: 'integrity',
    source: { kind: 'manual', note: '年度廉政谈话安排' },
    interviewees: [integrityUnit.secretary.personId],
    subject: '年度廉政谈话',
  });
  await record(integrity.talkId, await as(secretary, 'unit_secretary'), [secretary], [], ['对分管领域廉政风险点排查不够深入'], ['带头落实“一岗双责”，年内完成风险点全覆盖排查']);

  const county = counties[0]!;
  const countyLeaders = unitLeaders(county.id);
  const town = tree.find((u) => u.parentId === county.id)!;
  const townMember = one(await posts(town.id), 'teamMember')!;
  const warning = await post<Talk>(`/api/units/${town.id}/talks`, await as(countyLeaders.secretary, 'unit_secretary'), {
    kind: 'warning',
    source: { kind: 'hotline', note: '12388举报热线反映该镇公务用车私用' },
    interviewees: [townMember.personId],
    subject: '公务用车管理不规范',
  });
  await record(warning.talkId, await as(countyLeaders.secretary, 'unit_secretary'), [countyLeaders.secretary], [countyLeaders.chief], ['公务用车使用登记不全，存在私用情况'], ['立即清退违规用车，一个月内完成自查自纠'], true);
  await post(`/api/talks/${warning.talkId}/positions`, await as(townMember, 'unit_staff'), { text: '认识到问题的严重性，立即整改，今后严格执行公务用车制度。' }, 200);

  const admonished = unitLeaders(departments[3]!.id);
  const admonishment = await post<Talk>(`/api/units/${departments[3]!.id}/talks`, commission, {
    kind: 'admonishment',
    source: { kind: 'onlineOpinion', note: '网络反映该单位窗口服务态度生硬、办事拖沓' },
    interviewees: [admonished.member.personId],
    subject: '作风不实，群众反映强烈',
  });
  await record(admonishment.talkId, commission, [chief], [organisation], ['工作作风不实，群众反映强烈'], ['深刻检查，三个月内整改到位']);

  // The reminder talk a red light suggested, held (the lights come from the reports demo, when a quarter had a red one).
  const suggested = await eventually(
    async () => {
      for (const unit of counties) {
        const { talks } = await api.expect<{ talks: Talk[] }>('GET', `/api/units/${unit.id}/talks?year=${year}`, 200, { token: commission });
        const found = talks.find((t) => t.suggested && t.status === 'suggested');
        if (found) return found;
      }
      return undefined;
    },
    10_000,
    'a talk suggested by a red light',
    500,
  ).catch(() => undefined);
  if (suggested) await record(suggested.talkId, commission, [chief], [], ['重点任务进度滞后于时间节点'], ['倒排工期，按季度节点推进']);

  // Warning notices: replied and accepted, replied and waiting, and one left unanswered.
  const notice = (unitId: string, token: string, personId: string, leaderInChargeId: string, replyDueDate: string, tendency: string) =>
    post<{ noticeId: string }>(`/api/units/${unitId}/warning-notices`, token, { personId, leaderInChargeId, source: { kind: 'supervision', note: '日常监督发现' }, tendency, demands: '立即纠正，限期书面说明整改情况', replyDueDate });
  const first = unitLeaders(departments[0]!.id);
  const accepted = await notice(departments[0]!.id, commission, first.member.personId, first.secretary.personId, cstDay(15), '多次在工作日午间饮酒');
  await post(`/api/warning-notices/${accepted.noticeId}/reply`, await as(first.member, 'unit_staff'), { text: '已深刻反思，自即日起杜绝工作日饮酒，请组织监督。' }, 200);
  await post(`/api/warning-notices/${accepted.noticeId}/review`, commission, { decision: 'accept' }, 200);
  const second = unitLeaders(departments[1]!.id);
  const waiting = await notice(departments[1]!.id, commission, second.member.personId, second.secretary.personId, cstDay(10), '接受管理服务对象宴请苗头');
  await post(`/api/warning-notices/${waiting.noticeId}/reply`, await as(second.member, 'unit_staff'), { text: '已退还并说明情况，今后严守纪律。' }, 200);
  const unanswered = unitLeaders(counties[1]!.id);
  const late = await notice(counties[1]!.id, commission, unanswered.member.personId, unanswered.secretary.personId, cstDay(1), '分管领域项目资金拨付不及时，群众有反映');

  // The education ledgers of two counties.
  for (const unit of counties.slice(0, 2)) {
    const leaders = unitLeaders(unit.id);
    const token = await as(leaders.secretary, 'unit_secretary');
    await post(`/api/units/${unit.id}/education-plans`, token, { year, title: `${unit.name}${year}年度廉政教育计划`, content: '每季度开展一次警示教育，新任职干部任前廉政培训全覆盖。', sessionsPlanned: 4 });
    await post(`/api/units/${unit.id}/education-sessions`, token, { heldOn: `${year}-03-15`, form: 'warningEducation', topic: '观看警示教育片《蝇贪之害》', attendance: 86 });
    await post(`/api/units/${unit.id}/education-sessions`, token, { heldOn: `${year}-07-01`, form: 'partyLecture', topic: '书记讲廉政党课', attendance: 64 });
    await post(`/api/units/${unit.id}/trainings`, token, { personId: leaders.member.personId, course: '新任职干部任前廉政培训', completedOn: `${year}-04-20` });
  }

  if (options.overdueRun) await runUntilOverdue(api, runtime, counties[1]!.id, late.noticeId, commission);
};

/**
 * Runs the deadline engine for the day after tomorrow until the notice shows overdue: the engine
 * learns the reply's deadline from interviews.events, and the notice its escalation from
 * reports.events.
 */
const runUntilOverdue = (api: HttpClient, runtime: Runtime, unitId: string, noticeId: string, token: string) =>
  eventually(
    async () => {
      await runtime.fire('reports-runDeadlines', new Date(`${cstDay(2)}T09:00:00+08:00`));
      // The unit's ledger, not the notice: a read of the notice is recorded, the ledger's list is not.
      const { notices } = await api.expect<{ notices: Array<{ noticeId: string; overdue: boolean }> }>('GET', `/api/units/${unitId}/warning-notices?year=${cstDay(0).slice(0, 4)}`, 200, { token });
      return notices.some((n) => n.noticeId === noticeId && n.overdue) ? true : undefined;
    },
    30_000,
    'the unanswered notice to show overdue',
    1_000,
  );
