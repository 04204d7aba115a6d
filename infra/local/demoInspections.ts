/**
 * Demo data of the inspections service for `npm start`, after the interviews demo: accountability
 * cases of the city at each stage (open with the two extra investigations of 一案双查, decided with a
 * follow-up visit due, closed with a removal whose ban rejects a later appointment, exempted with a
 * clarification notice, reopened by a look-back, escalated from a county to the city), and a gift
 * handed in. Driven through the API as each person would, with a token whose subject is their person
 * id; skipped when the city's commission has cases already.
 */
import type { Runtime } from './runtime.js';
import { signToken } from './jwt.js';
import type { Role } from '#shared/auth/roles.js';
import type { HttpClient } from './support/httpClient.js';
import { eventually } from './support/eventually.js';
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

  /** POSTs as `token`; until the inspections service knows the unit (403) and its people (422), again. */
  const post = <T>(path: string, token: string, body: unknown, status = 200) =>
    eventually(
      async () => {
        const answer = await api.request<T>('POST', path, { token, body });
        if (answer.status === status) return answer.body;
        if (answer.status !== 403 && answer.status !== 422) throw new Error(`POST ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
        return undefined;
      },
      30_000,
      `POST ${path}`,
      200,
    );
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

  // A gift handed in, by the cadre who received it.
  const giver = (await posts(departments[2]!.id)).find((p) => p.role === 'secretary');
  if (giver) await post(`/api/units/${giver.unitId}/gifts`, await as(giver, 'unit_secretary'), { receivedOn: cstDay(-12), giver: '某企业负责人', item: '购物卡', value: 3000, handling: 'handedIn', note: '已上交市纪委监委廉政账户' }, 201);
};
