/**
 * The inspections service's accountability through the local runtime, the real broker and DynamoDB
 * Local: a case from its clue (a warning notice of the interviews service) to a removal, the ban it
 * brings and the integrity file that carries all of it, every entry traced to its event, and a later
 * appointment rejected by the ban; 一案双查 opened in each listed situation and only then;
 * escalation one level up; fault-tolerance exemption with a clarification notice that carries
 * nothing else of the case; a look-back that reopens a case; the gift register; every read of a
 * case recorded, and the records shut to the roles not in charge.
 */
import type { Runtime } from '#infra/local/runtime.js';
import { httpClient, type HttpClient } from '#infra/local/support/httpClient.js';
import { signingFlow, type Holder } from '#infra/local/support/signingFlow.js';
import { api, eventually, registerUnit, startTestRuntime, tokenFor } from '#infra/local/test/support/harness.js';
import { recordTopic, type TopicRecorder } from '#infra/local/test/support/topic.js';
import { topics } from '#events/topics.js';
import { cstDate } from '#events/envelope.js';
import type { Role } from '#shared/auth/roles.js';
import { yearsAfter } from '../../src/domain/accountability.js';

type Event = { id: string; type: string; data: Record<string, unknown> };
type CaseView = {
  caseId: string;
  status: string;
  outcome: string | null;
  handlingUnitId: string;
  inquiries: Array<{ kind: string; status: string }>;
  measures: Array<{ kind: string; name: string; followUpDueOn: string; bans: Array<{ banId: string; kind: string; until: string }> }>;
  followUpDueOn: string | null;
  clarification: { text: string } | null;
};
type FileView = {
  person: { name: string; posts: Array<{ unitId: string; title: string }> };
  entries: Array<{ summary: string; category: string; recordId: string; source: { topic: string; eventId: string; type: string } }>;
  activeBans: Array<{ banId: string; kind: string }>;
  openCases: Array<{ caseId: string }>;
};

let runtime: Runtime;
let client: HttpClient;
let recorders: TopicRecorder[];
let inspectionsTopic: TopicRecorder;

let city: string;
let county: string;
let town: string;
let cityChief: Holder;
let countyChief: Holder;
let countyOrganisation: Holder;
let townSecretary: Holder;
let cadre: Holder;
let other: Holder;
const today = cstDate(new Date());

/** Facts and notes of the case record: none may reach the topic beyond the service. */
const secrets = { facts: '违规收受管理服务对象礼金三万元甲乙丙', basis: '依据问责条例处理丁戊己', reason: '改革试点中先行先试庚辛壬' };

const as = (holder: Holder, role: Role) => tokenFor(runtime, role, holder.unitId, holder.personId);
const commission = () => as(countyChief, 'discipline_inspector');
const allEvents = () => recorders.flatMap((r) => r.values() as unknown as Event[]);
const inspections = (type: string, match: (e: Event) => boolean = () => true) => (inspectionsTopic.values() as unknown as Event[]).filter((e) => e.type === `inspections.${type}.v1` && match(e));

const open = async (person: Holder, extra: Record<string, unknown> = {}, token?: string) =>
  client.expect<CaseView>('POST', `/api/units/${person.unitId}/cases`, 201, { token: token ?? (await commission()), body: { personId: person.personId, source: { kind: 'manual', note: '信访举报' }, facts: secrets.facts, openedOn: today, ...extra } });

beforeAll(async () => {
  runtime = await startTestRuntime();
  client = httpClient(runtime.url);
  recorders = await Promise.all([recordTopic(topics.inspections), recordTopic(topics.interviews), recordTopic(topics.signing)]);
  inspectionsTopic = recorders[0]!;
  const stamp = Date.now().toString(36);
  city = await registerUnit(runtime, `问责市${stamp}`);
  county = await registerUnit(runtime, `问责县${stamp}`, city);
  town = await registerUnit(runtime, `问责镇${stamp}`, county, '乡镇（街道）');
  const flow = signingFlow(client, runtime.keys);
  cityChief = await flow.assign(city, '市纪委书记甲', 'disciplineChief', '市纪委书记', [], '2025-01-06');
  countyChief = await flow.assign(county, '县纪委书记乙', 'disciplineChief', '县纪委书记', [], '2025-01-06');
  countyOrganisation = await flow.assign(county, '组织部长丙', 'teamMember', '县委组织部部长', ['组织'], '2025-01-06');
  townSecretary = await flow.assign(town, '镇党委书记丁', 'secretary', '镇党委书记', [], '2025-01-06');
  cadre = await flow.assign(town, '镇委员戊', 'teamMember', '镇党委委员', ['财务'], '2025-01-06');
  other = await flow.assign(town, '镇委员己', 'teamMember', '镇党委委员', ['民政'], '2025-01-06');
  // The service knows the town and its last post once the file of that person answers.
  await eventually(
    async () => ((await api(runtime, 'GET', `/api/units/${town}/people/${other.personId}/integrity-file`, { token: await as(countyOrganisation, 'organisation_dept') })).status === 200 ? true : undefined),
    60_000,
    'the inspections service to know the town’s people',
  );
}, 180_000);

afterAll(async () => {
  await Promise.all(recorders?.map((r) => r.stop()) ?? []);
  await runtime?.stop();
});

describe('a case from its clue to measures and the integrity file', () => {
  let noticeId: string;
  let caseView: CaseView;

  it('opens on a warning notice of the interviews service, by the commission only', async () => {
    noticeId = (
      await eventually(async () => {
        const answer = await client.request<{ noticeId: string }>('POST', `/api/units/${town}/warning-notices`, {
          token: await commission(),
          body: { personId: cadre.personId, source: { kind: 'supervision', note: '日常监督' }, tendency: '苗头性问题', demands: '书面说明', replyDueDate: yearsAfter(today, 1) },
        });
        return answer.status === 201 ? answer.body : undefined;
      }, 60_000, 'the interviews service to know the cadre')
    ).noticeId;
    const body = { personId: cadre.personId, source: { kind: 'warningNotice', id: noticeId }, facts: secrets.facts, openedOn: today };
    expect((await client.request('POST', `/api/units/${town}/cases`, { token: await as(townSecretary, 'unit_secretary'), body })).status).toBe(403);
    expect((await client.request('POST', `/api/units/${town}/cases`, { token: await as(countyOrganisation, 'organisation_dept'), body })).status).toBe(403);
    const noRecord = await client.request<{ errors: Array<{ path: string }> }>('POST', `/api/units/${town}/cases`, { token: await commission(), body: { ...body, source: { kind: 'warningNotice' } } });
    expect(noRecord.status).toBe(422);
    expect(noRecord.body.errors.map((e) => e.path)).toEqual(['source.id']);
    const stranger = await client.request<{ errors: Array<{ path: string }> }>('POST', `/api/units/${town}/cases`, { token: await commission(), body: { ...body, personId: countyChief.personId } });
    expect(stranger.status).toBe(422);
    caseView = await client.expect<CaseView>('POST', `/api/units/${town}/cases`, 201, { token: await commission(), body });
    expect(caseView).toMatchObject({ status: 'open', handlingUnitId: county, inquiries: [] });
    await eventually(async () => (inspections('CaseOpened', (e) => e.data.caseId === caseView.caseId).length === 1 ? true : undefined), 30_000, 'CaseOpened');
    expect(inspections('CaseOpened', (e) => e.data.caseId === caseView.caseId)[0]!.data).toMatchObject({ source: { kind: 'warningNotice', id: noticeId }, person: { personId: cadre.personId, unitId: town } });
  });

  it('is read by the commission and the organisation department only, every read recorded', async () => {
    await client.expect('GET', `/api/cases/${caseView.caseId}`, 200, { token: await as(countyOrganisation, 'organisation_dept') });
    expect((await client.request('GET', `/api/cases/${caseView.caseId}`, { token: await as(townSecretary, 'unit_secretary') })).status).toBe(403);
    expect((await client.request('GET', `/api/cases/${caseView.caseId}`, { token: await tokenFor(runtime, 'admin') })).status).toBe(403);
    const log = await client.expect<{ accesses: Array<{ subject: string; role: string }> }>('GET', `/api/cases/${caseView.caseId}/access-log`, 200, { token: await commission() });
    expect(log.accesses).toEqual([expect.objectContaining({ subject: countyOrganisation.personId, role: 'organisation_dept' })]);
  });

  it('takes a removal, which bars an equivalent or higher post for a year and schedules the follow-up visit', async () => {
    const path = `/api/cases/${caseView.caseId}/measures`;
    expect((await client.request('POST', path, { token: await as(countyOrganisation, 'organisation_dept'), body: { measure: 'removal', decidedOn: today, basis: secrets.basis } })).status).toBe(403);
    caseView = await client.expect<CaseView>('POST', path, 200, { token: await commission(), body: { measure: 'removal', decidedOn: today, basis: secrets.basis } });
    expect(caseView.status).toBe('decided');
    expect(caseView.measures).toEqual([expect.objectContaining({ kind: 'removal', name: '免职', bans: [expect.objectContaining({ kind: 'equivalentPost', until: yearsAfter(today, 1) })] })]);
    expect(caseView.followUpDueOn).toBe(caseView.measures[0]!.followUpDueOn);
    caseView = await client.expect<CaseView>('POST', `/api/cases/${caseView.caseId}/close`, 200, { token: await commission(), body: { outcome: 'accountable', closedOn: today } });
    expect(caseView).toMatchObject({ status: 'closed', outcome: 'accountable' });
    await eventually(async () => (inspections('BanImposed', (e) => e.data.caseId === caseView.caseId).length === 1 ? true : undefined), 30_000, 'BanImposed');
  });

  it('is carried by the integrity file, each entry traced to the event it came from', async () => {
    const token = await as(countyOrganisation, 'organisation_dept');
    const file = await eventually(
      async () => {
        const f = await client.expect<FileView>('GET', `/api/units/${town}/people/${cadre.personId}/integrity-file`, 200, { token });
        return ['post', 'notice', 'case', 'measure', 'ban'].every((c) => f.entries.some((e) => e.category === c)) && f.entries.filter((e) => e.category === 'case').length === 2 ? f : undefined;
      },
      30_000,
      'the file to hold the post, the notice, the case, the measure and the ban',
    );
    expect(file.person).toMatchObject({ name: '镇委员戊', posts: [expect.objectContaining({ unitId: town, title: '镇党委委员' })] });
    expect(file.entries.map((e) => e.summary)).toEqual(
      expect.arrayContaining(['任镇党委委员（2025-01-06起）', '收到预警提示，限期书面回复', `立案问责（${today}）`, `受到免职处理（${today}）`, `${today}至${yearsAfter(today, 1)}不得担任与原任职务相当的领导职务`, `案件办结：问责（${today}）`]),
    );
    const published = new Map(allEvents().map((e) => [e.id, e.type]));
    for (const entry of file.entries) expect({ summary: entry.summary, type: published.get(entry.source.eventId) }).toEqual({ summary: entry.summary, type: entry.source.type });
    expect(file.entries.find((e) => e.category === 'notice')!).toMatchObject({ recordId: noticeId, source: { topic: topics.interviews } });
    expect(file.activeBans).toEqual([expect.objectContaining({ kind: 'equivalentPost' })]);
    expect(file.openCases).toEqual([]);
    // Personal records: not for the unit's own secretary, nor for an admin.
    expect((await client.request('GET', `/api/units/${town}/people/${cadre.personId}/integrity-file`, { token: await as(townSecretary, 'unit_secretary') })).status).toBe(403);
  });

  it('rejects a later appointment to an equivalent or higher post while the ban runs, whatever else; agrees to a lower one', async () => {
    const path = `/api/units/${town}/people/${cadre.personId}/opinions`;
    const opinion = async (kind: string, on: string) => client.expect<{ decision: string; reasons: string[]; banIds: string[] }>('POST', path, 201, { token: await commission(), body: { appointment: { kind, post: '县财政局副局长', on } } });
    const equivalent = await opinion('equivalent', today);
    expect(equivalent).toMatchObject({ decision: 'reject', banIds: [caseView.measures[0]!.bans[0]!.banId] });
    expect(equivalent.reasons[0]).toBe(`受到免职处理，${yearsAfter(today, 1)}前不得担任与原任职务相当的领导职务`);
    expect((await opinion('promotion', today)).decision).toBe('reject');
    expect((await opinion('lower', today)).decision).toBe('agree');
    expect((await opinion('equivalent', yearsAfter(today, 1))).decision).toBe('agree');
    expect((await client.request('POST', path, { token: await as(countyOrganisation, 'organisation_dept'), body: { appointment: { kind: 'lower', post: '科员', on: today } } })).status).toBe(403);
    await eventually(async () => (inspections('OpinionGiven', (e) => (e.data.person as { personId: string }).personId === cadre.personId).length === 4 ? true : undefined), 30_000, 'four OpinionGiven');
    expect(inspections('OpinionGiven', (e) => (e.data.person as { personId: string }).personId === cadre.personId).map((e) => e.data.decision)).toEqual(['reject', 'reject', 'agree', 'agree']);
  });

  it('defers an appointment while a case about the person is open', async () => {
    const second = await open(other);
    const deferred = await client.expect<{ decision: string; reasons: string[] }>('POST', `/api/units/${town}/people/${other.personId}/opinions`, 201, { token: await commission(), body: { appointment: { kind: 'promotion', post: '镇党委副书记', on: today } } });
    expect(deferred).toEqual(expect.objectContaining({ decision: 'defer', reasons: ['有1条问题线索尚未办结'] }));
    // Failure to pursue accountability is itself a case, naming the case not pursued.
    await open(other, { source: { kind: 'failureToPursue', id: second.caseId } });
    expect((await client.request('POST', `/api/units/${town}/cases`, { token: await commission(), body: { personId: other.personId, source: { kind: 'failureToPursue', id: '0196a0f2-0000-7000-8000-0000000000aa' }, facts: '未追责', openedOn: today } })).status).toBe(422);
  });
});

describe('one case, two investigations (一案双查)', () => {
  it('opens the inquiries into the committee and the commission in each of the 4 listed situations, and only then', async () => {
    const situations = await client.expect<{ situations: Array<{ code: string; fromText: boolean }> }>('GET', '/api/double-inquiry-situations', 200, { token: await commission() });
    expect(situations.situations).toHaveLength(4);
    for (const { code } of situations.situations) {
      const c = await open(other, { situation: code });
      expect({ code, inquiries: c.inquiries }).toEqual({ code, inquiries: [{ kind: 'mainResponsibility', status: 'open', accountable: null, finding: null }, { kind: 'supervisoryResponsibility', status: 'open', accountable: null, finding: null }] });
    }
    expect((await open(other)).inquiries).toEqual([]);
    const unknown = await client.request<{ errors: Array<{ path: string }> }>('POST', `/api/units/${town}/cases`, { token: await commission(), body: { personId: other.personId, source: { kind: 'manual', note: '线索' }, facts: '事实', situation: 'notListed', openedOn: today } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors.map((e) => e.path)).toEqual(['situation']);
    await eventually(async () => (inspections('CaseOpened', (e) => (e.data.person as { personId: string }).personId === other.personId && (e.data.inquiries as string[]).length === 2).length === 4 ? true : undefined), 30_000, 'four CaseOpened with inquiries');
  });

  it('closes only once both inquiries are concluded', async () => {
    const c = await open(other, { situation: 'serialCases' });
    await client.expect('POST', `/api/cases/${c.caseId}/measures`, 200, { token: await commission(), body: { measure: 'circulatedCriticism', decidedOn: today, basis: '通报批评' } });
    expect((await client.request('POST', `/api/cases/${c.caseId}/close`, { token: await commission(), body: { outcome: 'accountable', closedOn: today } })).status).toBe(409);
    for (const inquiry of ['mainResponsibility', 'supervisoryResponsibility']) await client.expect('POST', `/api/cases/${c.caseId}/inquiries`, 200, { token: await commission(), body: { inquiry, accountable: inquiry === 'mainResponsibility', finding: '调查结论' } });
    expect((await client.request('POST', `/api/cases/${c.caseId}/inquiries`, { token: await commission(), body: { inquiry: 'mainResponsibility', accountable: true, finding: '再次' } })).status).toBe(409);
    expect((await client.expect<CaseView>('POST', `/api/cases/${c.caseId}/close`, 200, { token: await commission(), body: { outcome: 'accountable', closedOn: today } })).status).toBe('closed');
  });
});

describe('escalation, exemption and look-back', () => {
  it('escalates a case one level up: the commission above handles it, the one below no longer does (409)', async () => {
    const c = await open(other);
    const escalated = await client.expect<CaseView>('POST', `/api/cases/${c.caseId}/escalate`, 200, { token: await commission(), body: { reason: '涉及县管干部，报市纪委' } });
    expect(escalated.handlingUnitId).toBe(city);
    expect((await client.request('POST', `/api/cases/${c.caseId}/measures`, { token: await commission(), body: { measure: 'admonishment', decidedOn: today, basis: '诫勉' } })).status).toBe(409);
    await client.expect('POST', `/api/cases/${c.caseId}/measures`, 200, { token: await as(cityChief, 'discipline_inspector'), body: { measure: 'admonishment', decidedOn: today, basis: '诫勉' } });
    await eventually(async () => (inspections('CaseEscalated', (e) => e.data.caseId === c.caseId && e.data.toUnitId === city).length === 1 ? true : undefined), 30_000, 'CaseEscalated');
  });

  it('exempts through a request and a decision, issuing a clarification notice that carries nothing else of the case', async () => {
    const c = await open(cadre);
    const request = { situation: 'explorationWithoutRules', reason: secrets.reason, requestedOn: today };
    expect((await client.request('POST', `/api/cases/${c.caseId}/exemption-request`, { token: await as(townSecretary, 'unit_secretary'), body: { ...request, situation: 'notListed' } })).status).toBe(422);
    const asked = await client.expect<Record<string, unknown>>('POST', `/api/cases/${c.caseId}/exemption-request`, 200, { token: await as(townSecretary, 'unit_secretary'), body: request });
    // The committee asking sees its request, not the case record.
    expect(Object.keys(asked).sort()).toEqual(['caseId', 'exemption']);
    expect((await client.request('POST', `/api/cases/${c.caseId}/exemption-decision`, { token: await as(countyChief, 'discipline_inspector'), body: { grant: true, decidedOn: today } })).status).toBe(422);
    const text = '经核查，该同志在改革试点中的失误符合容错情形，予以免责，特此澄清正名。';
    const granted = await client.expect<CaseView>('POST', `/api/cases/${c.caseId}/exemption-decision`, 200, { token: await commission(), body: { grant: true, decidedOn: today, clarification: text } });
    expect(granted).toMatchObject({ status: 'closed', outcome: 'exempted', clarification: { text } });
    expect((await client.request('POST', `/api/cases/${c.caseId}/measures`, { token: await commission(), body: { measure: 'admonishment', decidedOn: today, basis: '诫勉' } })).status).toBe(409);
    const clarification = await eventually(async () => inspections('ClarificationIssued', (e) => e.data.caseId === c.caseId)[0], 30_000, 'ClarificationIssued');
    expect(Object.keys(clarification.data).sort()).toEqual(['actor', 'caseId', 'clarificationId', 'issuedOn', 'person', 'text', 'unitId']);
    expect(clarification.data.text).toBe(text);
    expect(inspections('ExemptionGranted', (e) => e.data.caseId === c.caseId)).toHaveLength(1);
    // Nothing of the case record (its facts, the request's reason, the measure's basis, the name) is on the topic.
    const published = JSON.stringify(inspectionsTopic.values());
    for (const value of [...Object.values(secrets), '镇委员戊']) expect(published).not.toContain(value);
  });

  it('reopens a closed case on a look-back that finds accountability fell short, with the reason', async () => {
    const c = await open(other);
    await client.expect('POST', `/api/cases/${c.caseId}/measures`, 200, { token: await commission(), body: { measure: 'orderedSelfExamination', decidedOn: today, basis: '责令检查' } });
    await client.expect('POST', `/api/cases/${c.caseId}/close`, 200, { token: await commission(), body: { outcome: 'accountable', closedOn: today } });
    const path = `/api/cases/${c.caseId}/look-back`;
    expect((await client.request('POST', path, { token: await commission(), body: { shortfall: true, on: today } })).status).toBe(422);
    const reopened = await client.expect<CaseView>('POST', path, 200, { token: await commission(), body: { shortfall: true, reason: '问责偏轻', on: today } });
    expect(reopened).toMatchObject({ status: 'reopened', outcome: null });
    expect((await client.request('POST', path, { token: await commission(), body: { shortfall: false, on: today } })).status).toBe(409);
    await client.expect('POST', `/api/cases/${c.caseId}/measures`, 200, { token: await commission(), body: { measure: 'demotion', decidedOn: today, basis: '降职' } });
    await eventually(async () => (inspections('CaseReopened', (e) => e.data.caseId === c.caseId).length === 1 ? true : undefined), 30_000, 'CaseReopened');
  });
});

describe('the gift register', () => {
  it('takes a cadre’s own registration, and is read by the commission with the total', async () => {
    const year = Number(today.slice(0, 4));
    const body = { receivedOn: today, giver: '某承包商', item: '购物卡', value: 2000, handling: 'handedIn' };
    await client.expect('POST', `/api/units/${town}/gifts`, 201, { token: await as(cadre, 'unit_staff'), body });
    // A person of another unit holds no post here.
    expect((await client.request('POST', `/api/units/${town}/gifts`, { token: await tokenFor(runtime, 'unit_staff', town, countyChief.personId), body })).status).toBe(403);
    const register = await client.expect<{ gifts: Array<{ person: { personId: string } }>; total: number }>('GET', `/api/units/${town}/gifts?year=${year}`, 200, { token: await commission() });
    expect(register).toMatchObject({ total: 2000, gifts: [{ person: { personId: cadre.personId } }] });
    expect((await client.request('GET', `/api/units/${town}/gifts?year=${year}`, { token: await as(townSecretary, 'unit_secretary') })).status).toBe(403);
  });
});

describe('typical cases and the quarterly circulation', () => {
  it('marks a case closed as accountable typical, with only its public text and measures leaving the service, and circulates a past quarter once', async () => {
    // The quarter before this one, and a month in it.
    const current = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
    const year = current === 1 ? Number(today.slice(0, 4)) - 1 : Number(today.slice(0, 4));
    const quarter = current === 1 ? 4 : current - 1;
    const month = `${year}-${String((quarter - 1) * 3 + 2).padStart(2, '0')}`;
    const c = await open(other, { openedOn: `${month}-10` });
    await client.expect('POST', `/api/cases/${c.caseId}/measures`, 200, { token: await commission(), body: { measure: 'removal', decidedOn: `${month}-20`, basis: secrets.basis } });
    const text = '某镇党委委员违规收受礼金，受到免职处理。';
    expect((await client.request('POST', `/api/cases/${c.caseId}/typical`, { token: await commission(), body: { summary: text } })).status).toBe(409);
    await client.expect('POST', `/api/cases/${c.caseId}/close`, 200, { token: await commission(), body: { outcome: 'accountable', closedOn: `${month}-25` } });
    await client.expect('POST', `/api/cases/${c.caseId}/typical`, 200, { token: await commission(), body: { summary: text } });
    expect((await client.request('POST', `/api/cases/${c.caseId}/typical`, { token: await commission(), body: { summary: text } })).status).toBe(409);
    const marked = await eventually(async () => inspections('TypicalCaseMarked', (e) => e.data.caseId === c.caseId)[0], 30_000, 'TypicalCaseMarked');
    expect(marked.data).toEqual({ caseId: c.caseId, unitId: town, year, quarter, measures: ['removal'], summary: text, actor: expect.any(Object) });
    // The quarter circulated: the case opened in it, its removal, and the typical case; once, and only once it has ended.
    const body = { year, quarter };
    const circulation = await client.expect<{ casesOpened: number; measuresByGrade: Record<string, number>; typicalCases: Array<{ caseId: string; summary: string }> }>('POST', `/api/units/${county}/accountability-circulations`, 201, { token: await commission(), body });
    expect(circulation).toMatchObject({ casesOpened: 1, measuresByGrade: { criticism: 0, admonishment: 0, organisational: 1, disciplinary: 0 }, typicalCases: [{ caseId: c.caseId, summary: text }] });
    expect((await client.request('POST', `/api/units/${county}/accountability-circulations`, { token: await commission(), body })).status).toBe(409);
    expect((await client.request('POST', `/api/units/${county}/accountability-circulations`, { token: await commission(), body: { year: Number(today.slice(0, 4)), quarter: current } })).status).toBe(422);
    // The town's secretary reads the circulation: counts and public texts only.
    const read = await client.expect<{ circulations: unknown[] }>('GET', `/api/units/${town}/accountability-circulations?year=${year}`, 200, { token: await as(townSecretary, 'unit_secretary') });
    expect(read.circulations).toEqual([]);
    const countyRead = JSON.stringify(await client.expect('GET', `/api/units/${county}/accountability-circulations?year=${year}`, 200, { token: await commission() }));
    for (const value of [secrets.facts, secrets.basis, '镇委员己']) expect(countyRead).not.toContain(value);
  });

  it('keeps the reads of an integrity file in its access log', async () => {
    const log = await client.expect<{ accesses: Array<{ subject: string; role: string }> }>('GET', `/api/units/${town}/people/${cadre.personId}/integrity-file/access-log`, 200, { token: await commission() });
    expect(log.accesses.map((a) => a.role)).toContain('organisation_dept');
    expect((await client.request('GET', `/api/units/${town}/people/${cadre.personId}/integrity-file/access-log`, { token: await as(countyOrganisation, 'organisation_dept') })).status).toBe(403);
  });
});
