/**
 * The year-end assessment through the local runtime, the real broker and DynamoDB Local: three
 * counties of a city whose events (reports submitted on time, late or not at all, accepted; red and
 * yellow lights; rectification items due and closed; letters issued and completed; warning notices
 * replied to on time or late; a removal decided on a county's cadre; patrol findings, one rectified)
 * reach the inspections service
 * on their topics; the inspection team's on-site and economic points and a clean-governance veto are
 * entered through the API. The sheets equal the ones computed by hand below, in Haining's and in
 * Chengdu's configuration, each point traced to the events it came from; the veto carries into the
 * overall result; publishing announces the results, the ranking and the admonishment talk of the
 * last-ranked, which the interviews service suggests with its secretary; a feedback sheet's demands
 * become rectification items of the reports service.
 */
import type { Runtime } from '#infra/local/runtime.js';
import { httpClient, type HttpClient } from '#infra/local/support/httpClient.js';
import { signingFlow, type Holder } from '#infra/local/support/signingFlow.js';
import { eventually, registerUnit, startTestRuntime, tokenFor } from '#infra/local/test/support/harness.js';
import { recordTopic, type TopicRecorder } from '#infra/local/test/support/topic.js';
import { withFreshIds, type FixtureName } from '#events/fixtures/index.js';
import { cloudEventContentType, cstDate } from '#events/envelope.js';
import { eventSchemas } from '#events/index.js';
import { topics, type TopicName } from '#events/topics.js';
import { kafkaProducer, type ProducerPort } from '#shared/kafka/producer.js';

type Sheet = {
  unitId: string;
  indicators: Array<{ indicatorId: string; value: number; points: number; basis: Array<{ kind: string; id: string }> }>;
  parts: Array<{ partId: string; score: number }>;
  overall: number;
  vetoed: boolean;
  grade: string;
  rank: number;
  admonish: boolean;
};
type Assessment = { assessmentId: string; status: string; mainResponsibilityShare: number; sheets: Sheet[] };
type Event = { id: string; type: string; data: Record<string, unknown> };

let runtime: Runtime;
let client: HttpClient;
let producer: ProducerPort;
let inspectionsTopic: TopicRecorder;
let reportsTopic: TopicRecorder;
let commission: string;
let city: string;
/** County C's party secretary, whom the admonishment talk is suggested with. */
let cHead: Holder;
const counties = { a: '', b: '', c: '' };
const year = 2026;
/** The ids of the events this test published, by county: every basis of an event must be one of them (or the removal's). */
const published = new Set<string>();

const topicOf = (name: FixtureName): TopicName => topics[name.split('.')[0] as keyof typeof topics];

/** Puts a fixture event for the unit on its topic, keyed by the unit as the relays key them. */
const publish = async (name: FixtureName, unitId: string, data: Record<string, unknown>, time = '2026-06-01T10:00:00.000+08:00') => {
  const event = eventSchemas[name].parse({ ...withFreshIds(name, unitId, data), time }) as { id: string; unitid: string };
  published.add(event.id);
  await producer.send(topicOf(name), [{ key: event.unitid, value: JSON.stringify(event), headers: { 'content-type': cloudEventContentType } }]);
};

/** A record id of this run: the same `n` gives the same id. */
const run = String(Date.now() % 1e8).padStart(8, '0');
const id = (n: number) => `0196a0f2-0000-7000-9000-${run}${String(n).padStart(4, '0')}`;

const sheetOf = (a: Assessment, unitId: string) => a.sheets.find((s) => s.unitId === unitId)!;
const view = async (assessmentId: string) => client.expect<Assessment>('GET', `/api/assessments/${assessmentId}`, 200, { token: commission });
const start = (configuration: 'haining' | 'chengdu') =>
  eventually(
    async () => {
      const answer = await client.request<Assessment>('POST', `/api/units/${city}/assessments`, { token: commission, body: { year, configuration, category: '县（市、区）委', disclosureScope: 'subtree', admonishLowest: 1 } });
      if (answer.status === 201 && answer.body.sheets.length === 3) return answer.body;
      if (answer.status !== 422 && answer.status !== 403 && answer.status !== 201) throw new Error(`start: ${answer.status} ${JSON.stringify(answer.body)}`);
      return undefined;
    },
    60_000,
    'the inspections service to know the three counties',
  );
const enter = (assessmentId: string, unitId: string, indicatorId: string, points: number) =>
  client.expect<Assessment>('PUT', `/api/assessments/${assessmentId}/units/${unitId}/entries/${indicatorId}`, 200, { token: commission, body: { points, note: `${indicatorId} ${points}` } });

beforeAll(async () => {
  runtime = await startTestRuntime();
  client = httpClient(runtime.url);
  producer = kafkaProducer('inspections-assessment-test');
  [inspectionsTopic, reportsTopic] = await Promise.all([recordTopic(topics.inspections), recordTopic(topics.reports)]);
  const stamp = Date.now().toString(36);
  city = await registerUnit(runtime, `考核市${stamp}`, undefined, '市委');
  counties.a = await registerUnit(runtime, `甲县${stamp}`, city);
  counties.b = await registerUnit(runtime, `乙县${stamp}`, city);
  counties.c = await registerUnit(runtime, `丙县${stamp}`, city);
  const flow = signingFlow(client, runtime.keys);
  const chief = await flow.assign(city, '市纪委书记', 'disciplineChief', '市纪委书记', [], '2025-01-06');
  const cadre = await flow.assign(counties.b, '乙县干部', 'teamMember', '县委常委', ['财政'], '2025-01-06');
  cHead = await flow.assign(counties.c, '丙县委书记', 'secretary', '县委书记', [], '2025-01-06');
  commission = await tokenFor(runtime, 'discipline_inspector', city, chief.personId);

  // County A: on time and accepted; one red light and a yellow; two items due this year, one closed;
  // two letters, both completed; a notice replied to on time.
  await publish('reports.AnnualReportSubmitted.v1', counties.a, { year, late: false, submittedAt: '2027-01-20T10:00:00.000+08:00', deadline: '2027-01-31T23:59:59.000+08:00' });
  await publish('reports.AnnualReportAccepted.v1', counties.a, { year });
  await publish('reports.KeyTaskRated.v1', counties.a, { taskId: id(1), year, quarter: 1, light: 'red' });
  await publish('reports.KeyTaskRated.v1', counties.a, { taskId: id(1), year, quarter: 2, light: 'yellow' });
  for (const n of [2, 3]) await publish('reports.RectificationOpened.v1', counties.a, { rectificationId: id(n), dueDate: '2026-12-31' });
  await publish('reports.RectificationClosed.v1', counties.a, { rectificationId: id(2) });
  for (const n of [4, 5]) {
    await publish('signing.LetterIssued.v1', counties.a, { letterId: id(n), year });
    await publish('signing.LetterCompleted.v1', counties.a, { letterId: id(n), year });
  }
  await publish('interviews.WarningNoticeIssued.v1', counties.a, { noticeId: id(6), replyDueAt: '2099-12-31T23:59:59+08:00' });
  await publish('interviews.WarningReplyReceived.v1', counties.a, { noticeId: id(6), onTime: true });
  // County B: late and not accepted; three red lights (one quarter rated twice counts once); two
  // letters, one completed; two notices, one replied to late; a removal of one of its cadres.
  await publish('reports.AnnualReportSubmitted.v1', counties.b, { year, late: true, submittedAt: '2027-02-03T10:00:00.000+08:00', deadline: '2027-01-31T23:59:59.000+08:00' });
  for (const quarter of [1, 2, 3]) await publish('reports.KeyTaskRated.v1', counties.b, { taskId: id(7), year, quarter, light: 'red' });
  await publish('reports.KeyTaskRated.v1', counties.b, { taskId: id(7), year, quarter: 3, light: 'red' });
  await publish('reports.KeyTaskRated.v1', counties.b, { taskId: id(8), year: year + 1, quarter: 1, light: 'red' });
  for (const n of [9, 10]) await publish('signing.LetterIssued.v1', counties.b, { letterId: id(n), year });
  await publish('signing.LetterCompleted.v1', counties.b, { letterId: id(9), year });
  for (const n of [11, 12]) await publish('interviews.WarningNoticeIssued.v1', counties.b, { noticeId: id(n), replyDueAt: '2099-12-31T23:59:59+08:00' });
  await publish('interviews.WarningReplyReceived.v1', counties.b, { noticeId: id(11), onTime: true });
  await publish('interviews.WarningReplyReceived.v1', counties.b, { noticeId: id(12), onTime: false });
  const removal = await eventually(
    async () => {
      const answer = await client.request<{ caseId: string }>('POST', `/api/units/${counties.b}/cases`, { token: commission, body: { personId: cadre.personId, source: { kind: 'manual', note: '举报' }, facts: '违规', openedOn: cstDate(new Date()) } });
      return answer.status === 201 ? answer.body : undefined;
    },
    60_000,
    'the inspections service to know the cadre',
  );
  await client.expect('POST', `/api/cases/${removal.caseId}/measures`, 200, { token: commission, body: { measure: 'removal', decidedOn: cstDate(new Date()), basis: '免职' } });
  // County C: nothing, and an item due next year (not this year's).
  await publish('reports.RectificationOpened.v1', counties.c, { rectificationId: id(13), dueDate: '2027-03-31' });
  // A patrol of A and B: a finding about each; A's rectification item closed, B's still open.
  const patrol = await client.expect<{ patrolId: string }>('POST', `/api/units/${city}/patrols`, 201, {
    token: commission,
    body: { kind: 'specialised', subject: '惠民资金专项巡察', team: [{ name: '巡察组长', role: 'leader' }], coveredUnitIds: [counties.a, counties.b], from: '2026-09-01', to: '2026-10-31' },
  });
  for (const unitId of [counties.a, counties.b]) {
    await client.expect('POST', `/api/patrols/${patrol.patrolId}/findings`, 200, { token: commission, body: { unitId, text: '惠民资金审核把关不严', rectification: { action: '逐户核查', dueDate: '2099-03-31' } } });
  }
  const { findings } = await client.expect<{ findings: Array<{ unitId: string; rectification: { requestId: string } }> }>('GET', `/api/patrols/${patrol.patrolId}`, 200, { token: commission });
  await publish('reports.RectificationClosed.v1', counties.a, { rectificationId: findings.find((f) => f.unitId === counties.a)!.rectification.requestId });
}, 180_000);

afterAll(async () => {
  await Promise.all([inspectionsTopic?.stop(), reportsTopic?.stop(), producer?.disconnect()]);
  client?.close();
  await runtime?.stop();
});

/** Until the facts of every event have reached the service: B's accountability counts the removal, A's signing both letters. */
const settled = async (assessmentId: string) =>
  eventually(
    async () => {
      const a = await view(assessmentId);
      const value = (unitId: string, indicatorId: string) => sheetOf(a, unitId).indicators.find((i) => i.indicatorId === indicatorId)!;
      const done =
        value(counties.a, 'signingCoverage').basis.length === 4 &&
        value(counties.a, 'talksAndNotices').basis.length === 2 &&
        value(counties.a, 'rectificationClosure').basis.length === 3 &&
        value(counties.a, 'reportCompleteness').value === 1 &&
        value(counties.a, 'lights').value === 1 &&
        value(counties.b, 'lights').value === 3 &&
        value(counties.b, 'accountability').value === 0.8 &&
        value(counties.b, 'talksAndNotices').basis.length === 3 &&
        value(counties.b, 'signingCoverage').basis.length === 3 &&
        value(counties.a, 'patrol').basis.length === 2 &&
        value(counties.b, 'patrol').basis.length === 1 &&
        value(counties.c, 'rectificationClosure').basis.length === 0;
      return done ? a : undefined;
    },
    60_000,
    'every event’s facts',
  );

describe('the assessment of the three counties', () => {
  let haining: Assessment;
  let chengdu: Assessment;

  it('equals the sheet computed by hand in Haining’s configuration, main responsibility 60 of 100, the veto carried into the result', async () => {
    haining = await start('haining');
    expect(haining.mainResponsibilityShare).toBe(0.6);
    await settled(haining.assessmentId);
    for (const [unitId, points] of [[counties.a, 18], [counties.b, 15], [counties.c, 20]] as const) await enter(haining.assessmentId, unitId, 'onSite', points);
    // Only entered indicators take points, within what they have.
    expect((await client.request('PUT', `/api/assessments/${haining.assessmentId}/units/${counties.a}/entries/lights`, { token: commission, body: { points: 5, note: '不可录入' } })).status).toBe(422);
    expect((await client.request('PUT', `/api/assessments/${haining.assessmentId}/units/${counties.a}/entries/onSite`, { token: commission, body: { points: 21, note: '超过满分' } })).status).toBe(422);
    haining = await client.expect<Assessment>('POST', `/api/assessments/${haining.assessmentId}/units/${counties.c}/veto`, 200, { token: commission, body: { reason: '发生腐败窝案，一票否决' } });
    // By hand (points of each indicator: timeliness 10, completeness 10, lights 15 less 5 a red light,
    // rectification 15, signing 10, talks and notices 5, accountability 5, patrol 10, on site 20):
    // A: 10 + 10 + 10 + 7.5 + 10 + 5 + 5 + 10 + 18 = 85.5; B: 5 + 5 + 0 + 15 + 5 + 2.5 + 4 + 0 + 15 = 51.5;
    // C: 0 + 0 + 15 + 15 + 0 + 5 + 5 + 10 + 20 = 70, vetoed: last, and failed.
    const points = (s: Sheet) => Object.fromEntries(s.indicators.map((i) => [i.indicatorId, i.points]));
    expect(points(sheetOf(haining, counties.a))).toEqual({ reportTimeliness: 10, reportCompleteness: 10, lights: 10, rectificationClosure: 7.5, signingCoverage: 10, talksAndNotices: 5, accountability: 5, patrol: 10, onSite: 18 });
    expect(points(sheetOf(haining, counties.b))).toEqual({ reportTimeliness: 5, reportCompleteness: 5, lights: 0, rectificationClosure: 15, signingCoverage: 5, talksAndNotices: 2.5, accountability: 4, patrol: 0, onSite: 15 });
    expect(points(sheetOf(haining, counties.c))).toEqual({ reportTimeliness: 0, reportCompleteness: 0, lights: 15, rectificationClosure: 15, signingCoverage: 0, talksAndNotices: 5, accountability: 5, patrol: 10, onSite: 20 });
    const results = haining.sheets.map((s) => ({ unitId: s.unitId, overall: s.overall, rank: s.rank, grade: s.grade, vetoed: s.vetoed, admonish: s.admonish }));
    expect(results).toEqual([
      { unitId: counties.a, overall: 85.5, rank: 1, grade: '良好', vetoed: false, admonish: false },
      { unitId: counties.b, overall: 51.5, rank: 2, grade: '不合格', vetoed: false, admonish: false },
      { unitId: counties.c, overall: 70, rank: 3, grade: '不合格', vetoed: true, admonish: true },
    ]);
  });

  it('equals the sheet computed by hand in Chengdu’s “double hundred”', async () => {
    chengdu = await start('chengdu');
    await settled(chengdu.assessmentId);
    for (const [unitId, economic, onSite] of [[counties.a, 85, 18], [counties.b, 90, 15], [counties.c, 70, 20]] as const) {
      await enter(chengdu.assessmentId, unitId, 'economic', economic);
      await enter(chengdu.assessmentId, unitId, 'onSite', onSite);
    }
    chengdu = await client.expect<Assessment>('POST', `/api/assessments/${chengdu.assessmentId}/units/${counties.c}/veto`, 200, { token: commission, body: { reason: '发生腐败窝案，一票否决' } });
    // By hand: party building (timeliness 10, completeness 10, lights 10 less 5 a red light,
    // rectification 10, signing 10, accountability 15, talks and notices 5, patrol 10, on site 20)
    // A: 10 + 10 + 5 + 5 + 10 + 15 + 5 + 10 + 18 = 88, overall 85 / 2 + 88 / 2 = 86.5;
    // B: 5 + 5 + 0 + 10 + 5 + 12 + 2.5 + 0 + 15 = 54.5, overall 90 / 2 + 54.5 / 2 = 72.25;
    // C: 0 + 0 + 10 + 10 + 0 + 15 + 5 + 10 + 20 = 70, overall 70 / 2 + 70 / 2 = 70, vetoed.
    const parts = (s: Sheet) => Object.fromEntries(s.parts.map((p) => [p.partId, p.score]));
    expect(parts(sheetOf(chengdu, counties.a))).toEqual({ economic: 85, partyBuilding: 88 });
    expect(parts(sheetOf(chengdu, counties.b))).toEqual({ economic: 90, partyBuilding: 54.5 });
    expect(parts(sheetOf(chengdu, counties.c))).toEqual({ economic: 70, partyBuilding: 70 });
    expect(chengdu.sheets.map((s) => [s.unitId, s.overall, s.rank, s.grade])).toEqual([
      [counties.a, 86.5, 1, '良好'],
      [counties.b, 72.25, 2, '合格'],
      [counties.c, 70, 3, '不合格'],
    ]);
  });

  it('traces every point to the events it came from', async () => {
    const a = await view(haining.assessmentId);
    const inspectionsIds = new Set((inspectionsTopic.values() as unknown as Event[]).map((e) => e.id));
    for (const sheet of a.sheets) {
      for (const indicator of sheet.indicators) {
        for (const basis of indicator.basis) {
          if (basis.kind === 'event') expect({ indicator: indicator.indicatorId, known: published.has(basis.id) || inspectionsIds.has(basis.id) }).toEqual({ indicator: indicator.indicatorId, known: true });
        }
      }
    }
    expect(sheetOf(a, counties.a).indicators.find((i) => i.indicatorId === 'onSite')!.basis).toEqual([{ kind: 'entry', id: expect.any(String) }]);
  });

  it('publishes each result, the ranking and the last-ranked head’s admonishment talk; nothing changes after', async () => {
    const done = await client.expect<Assessment>('POST', `/api/assessments/${haining.assessmentId}/publish`, 200, { token: commission });
    expect(done.status).toBe('published');
    expect((await client.request('POST', `/api/assessments/${haining.assessmentId}/publish`, { token: commission })).status).toBe(409);
    expect((await client.request('PUT', `/api/assessments/${haining.assessmentId}/units/${counties.a}/entries/onSite`, { token: commission, body: { points: 20, note: '改分' } })).status).toBe(409);
    const of = (type: string) => (inspectionsTopic.values() as unknown as Event[]).filter((e) => e.type === `inspections.${type}.v1` && e.data.assessmentId === haining.assessmentId);
    await eventually(async () => (of('AssessmentScored').length === 3 && of('AssessmentRanked').length === 1 && of('AdmonishmentProposed').length === 1 ? true : undefined), 30_000, 'the published results');
    expect(of('AssessmentRanked')[0]!.data).toMatchObject({ unitId: city, disclosureScope: 'subtree', ranking: [{ unitId: counties.a, rank: 1 }, { unitId: counties.b, rank: 2 }, { unitId: counties.c, rank: 3, vetoed: true, grade: '不合格' }] });
    expect(of('AdmonishmentProposed')[0]!.data).toMatchObject({ unitId: counties.c, rank: 3, head: { personId: cHead.personId, name: '丙县委书记' } });
    // The interviews service suggests the admonishment talk with C's secretary, hosted by the city, its source the ranking.
    const talk = await eventually(
      async () => {
        const { talks } = await client.expect<{ talks: Array<{ kind: string; status: string; hostUnitId: string; source: { kind: string; id: string }; interviewees: Array<{ personId: string }> }> }>('GET', `/api/units/${counties.c}/talks?year=${cstDate(new Date()).slice(0, 4)}`, 200, { token: commission });
        return talks.find((t) => t.kind === 'admonishment');
      },
      30_000,
      'the suggested admonishment talk',
    );
    expect(talk).toMatchObject({ status: 'suggested', hostUnitId: city, source: { kind: 'assessment', id: `${haining.assessmentId}#${counties.c}` }, interviewees: [{ personId: cHead.personId }] });
  });

  it('issues a feedback sheet whose demands become rectification items of the reports service', async () => {
    const body = { summary: '责任传导层层递减，问题整改不够彻底。', demands: [{ action: '健全责任清单，逐级签订责任书', dueDate: '2099-03-31' }, { action: '建立红灯任务专项督办机制', dueDate: '2099-06-30' }] };
    expect((await client.request('POST', `/api/assessments/${chengdu.assessmentId}/units/${counties.b}/feedback-sheet`, { token: commission, body })).status).toBe(409);
    const sheet = await client.expect<{ sheetId: string; rank: number; demands: Array<{ requestId: string }> }>('POST', `/api/assessments/${haining.assessmentId}/units/${counties.b}/feedback-sheet`, 201, { token: commission, body });
    expect(sheet.rank).toBe(2);
    expect((await client.request('POST', `/api/assessments/${haining.assessmentId}/units/${counties.b}/feedback-sheet`, { token: commission, body })).status).toBe(409);
    const opened = await eventually(
      async () => {
        const events = (reportsTopic.values() as unknown as Event[]).filter((e) => e.type === 'reports.RectificationOpened.v1' && (e.data.source as { id: string }).id === sheet.sheetId);
        return events.length === 2 ? events : undefined;
      },
      30_000,
      'two rectification items opened by the reports service',
    );
    expect(opened.map((e) => e.data.rectificationId).sort()).toEqual(sheet.demands.map((d) => d.requestId).sort());
    expect(opened.every((e) => e.data.unitId === counties.b && (e.data.source as { kind: string }).kind === 'feedbackSheet')).toBe(true);
    // The unit's secretary reads its own feedback sheet.
    const secretary = await tokenFor(runtime, 'unit_secretary', counties.b);
    const sheets = await client.expect<{ sheets: Array<{ sheetId: string }> }>('GET', `/api/units/${counties.b}/feedback-sheets?year=${year}`, 200, { token: secretary });
    expect(sheets.sheets.map((s) => s.sheetId)).toEqual([sheet.sheetId]);
  });
});
