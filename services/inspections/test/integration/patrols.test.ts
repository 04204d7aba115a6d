/**
 * Patrols and the letters of supervision through the local runtime, the real broker and DynamoDB
 * Local: the city sends a specialised patrol to a county; its finding opens the county's
 * rectification item in the reports service; a rectification reminder letter goes to the county,
 * whose secretary alone replies, on time; a supervision recommendation letter goes to the county,
 * copied to its leader in charge, and its reply is tracked; a political-ecology assessment is
 * recorded with who assessed, the method, the content and the result.
 */
import type { Runtime } from '#infra/local/runtime.js';
import { httpClient, type HttpClient } from '#infra/local/support/httpClient.js';
import { signingFlow, type Holder } from '#infra/local/support/signingFlow.js';
import { eventually, registerUnit, startTestRuntime, tokenFor } from '#infra/local/test/support/harness.js';
import { recordTopic, type TopicRecorder } from '#infra/local/test/support/topic.js';
import { cstDate } from '#events/envelope.js';
import { topics } from '#events/topics.js';

type Event = { id: string; type: string; data: Record<string, unknown> };
type Patrol = { patrolId: string; coveredUnits: Array<{ unitId: string; name: string }>; findings: Array<{ findingId: string; unitId: string; rectification: { requestId: string } }>; letters: Array<{ letterId: string; unitId: string; reply: { onTime: boolean } | null }> };

let runtime: Runtime;
let client: HttpClient;
let inspectionsTopic: TopicRecorder;
let reportsTopic: TopicRecorder;
let city: string;
let county: string;
let other: string;
let countySecretary: Holder;
let countyMember: Holder;
let commission: string;
const year = Number(cstDate(new Date()).slice(0, 4));
const of = (topic: TopicRecorder, type: string) => (topic.values() as unknown as Event[]).filter((e) => e.type === type);

beforeAll(async () => {
  runtime = await startTestRuntime();
  client = httpClient(runtime.url);
  [inspectionsTopic, reportsTopic] = await Promise.all([recordTopic(topics.inspections), recordTopic(topics.reports)]);
  const stamp = Date.now().toString(36);
  city = await registerUnit(runtime, `巡察市${stamp}`, undefined, '市委');
  county = await registerUnit(runtime, `巡察县${stamp}`, city);
  other = await registerUnit(runtime, `巡察邻市县${stamp}`, undefined, '市委');
  const flow = signingFlow(client, runtime.keys);
  const chief = await flow.assign(city, '市纪委书记', 'disciplineChief', '市纪委书记', [], '2025-01-06');
  countySecretary = await flow.assign(county, '县委书记', 'secretary', '县委书记', [], '2025-01-06');
  countyMember = await flow.assign(county, '分管副县长', 'teamMember', '县委常委、副县长', ['住建'], '2025-01-06');
  commission = await tokenFor(runtime, 'discipline_inspector', city, chief.personId);
}, 180_000);

afterAll(async () => {
  await Promise.all([inspectionsTopic?.stop(), reportsTopic?.stop()]);
  client?.close();
  await runtime?.stop();
});

describe('a patrol', () => {
  let patrol: Patrol;

  it('is sent to units below the organising unit only', async () => {
    const body = { kind: 'specialised', subject: '工程建设领域专项巡察', team: [{ name: '组长甲', role: 'leader' }, { name: '组员乙', role: 'member' }], coveredUnitIds: [county], from: `${year}-03-01`, to: `${year}-04-30` };
    patrol = await eventually(async () => {
      const answer = await client.request<Patrol>('POST', `/api/units/${city}/patrols`, { token: commission, body });
      if (answer.status === 201) return answer.body;
      if (answer.status !== 422 && answer.status !== 403) throw new Error(`${answer.status} ${JSON.stringify(answer.body)}`);
      return undefined;
    }, 60_000, 'the inspections service to know the county');
    expect(patrol.coveredUnits.map((u) => u.unitId)).toEqual([county]);
    expect((await client.request<{ errors: Array<{ path: string }> }>('POST', `/api/units/${city}/patrols`, { token: commission, body: { ...body, coveredUnitIds: [other] } })).body.errors!.map((e) => e.path)).toEqual(['coveredUnitIds.0']);
    expect((await client.request('POST', `/api/units/${city}/patrols`, { token: commission, body: { ...body, to: `${year}-02-01` } })).status).toBe(422);
    await eventually(async () => (of(inspectionsTopic, 'inspections.PatrolStarted.v1').some((e) => e.data.patrolId === patrol.patrolId) ? true : undefined), 30_000, 'PatrolStarted');
  });

  it('records a finding, whose rectification item the reports service opens', async () => {
    const body = { unitId: county, text: '工程项目招投标监管不严', rectification: { action: '全面排查在建项目招投标', dueDate: '2099-06-30' } };
    expect((await client.request('POST', `/api/patrols/${patrol.patrolId}/findings`, { token: commission, body: { ...body, unitId: city } })).status).toBe(422);
    patrol = await client.expect<Patrol>('POST', `/api/patrols/${patrol.patrolId}/findings`, 200, { token: commission, body });
    const finding = patrol.findings[0]!;
    const opened = await eventually(async () => of(reportsTopic, 'reports.RectificationOpened.v1').find((e) => e.data.rectificationId === finding.rectification.requestId), 30_000, 'the rectification item');
    expect(opened.data).toMatchObject({ unitId: county, source: { kind: 'patrol', id: finding.findingId } });
  });

  it('sends a reminder letter, which the county’s secretary alone replies to, once, on time', async () => {
    const finding = patrol.findings[0]!;
    expect((await client.request('POST', `/api/patrols/${patrol.patrolId}/reminder-letters`, { token: commission, body: { unitId: county, findingIds: ['0196a0f2-0000-7000-8000-0000000000ab'], demands: '报告整改', replyDueDate: '2099-01-31' } })).status).toBe(422);
    patrol = await client.expect<Patrol>('POST', `/api/patrols/${patrol.patrolId}/reminder-letters`, 200, { token: commission, body: { unitId: county, findingIds: [finding.findingId], demands: '请于期限内书面报告整改进展', replyDueDate: '2099-01-31' } });
    const letterId = patrol.letters[0]!.letterId;
    const secretary = await tokenFor(runtime, 'unit_secretary', county, countySecretary.personId);
    const received = await client.expect<{ letters: Array<{ letterId: string; demands: string }> }>('GET', `/api/units/${county}/reminder-letters?year=${year}`, 200, { token: secretary });
    expect(received.letters.map((l) => l.letterId)).toEqual([letterId]);
    expect((await client.request('POST', `/api/units/${city}/reminder-letters/${letterId}/reply`, { token: await tokenFor(runtime, 'unit_secretary', city), body: { text: '代答' } })).status).toBe(404);
    expect((await client.request('POST', `/api/units/${county}/reminder-letters/${letterId}/reply`, { token: await tokenFor(runtime, 'discipline_inspector', county), body: { text: '纪委代答' } })).status).toBe(403);
    const replied = await client.expect<{ reply: { onTime: boolean } }>('POST', `/api/units/${county}/reminder-letters/${letterId}/reply`, 200, { token: secretary, body: { text: '已完成排查，问题已整改。' } });
    expect(replied.reply.onTime).toBe(true);
    expect((await client.request('POST', `/api/units/${county}/reminder-letters/${letterId}/reply`, { token: secretary, body: { text: '再答' } })).status).toBe(409);
    const view = await client.expect<Patrol>('GET', `/api/patrols/${patrol.patrolId}`, 200, { token: commission });
    expect(view.letters[0]!.reply).toMatchObject({ onTime: true });
    await eventually(async () => (of(inspectionsTopic, 'inspections.ReminderLetterReplied.v1').some((e) => e.data.letterId === letterId && e.data.onTime === true) ? true : undefined), 30_000, 'ReminderLetterReplied');
  });
});

describe('a supervision recommendation letter', () => {
  it('goes to the responsible unit, copied to its leader in charge, and its reply is tracked', async () => {
    const body = { leaderInChargeId: countyMember.personId, issue: '工程项目招投标监管存在漏洞', recommendation: '建立招投标全过程监督机制', replyDueDate: '2099-02-28' };
    expect((await client.request('POST', `/api/units/${county}/recommendations`, { token: commission, body: { ...body, leaderInChargeId: '0196a0f2-0000-7000-8000-0000000000ac' } })).status).toBe(422);
    const letter = await client.expect<{ recommendationId: string; leaderInCharge: { personId: string; name: string } }>('POST', `/api/units/${county}/recommendations`, 201, { token: commission, body });
    expect(letter.leaderInCharge).toMatchObject({ personId: countyMember.personId, name: '分管副县长' });
    const issued = await eventually(async () => of(inspectionsTopic, 'inspections.RecommendationIssued.v1').find((e) => e.data.recommendationId === letter.recommendationId), 30_000, 'RecommendationIssued');
    expect(issued.data).toMatchObject({ unitId: county, issuingUnitId: city, leaderInCharge: { personId: countyMember.personId, unitId: county } });
    const secretary = await tokenFor(runtime, 'unit_secretary', county, countySecretary.personId);
    const replied = await client.expect<{ reply: { onTime: boolean } }>('POST', `/api/units/${county}/recommendations/${letter.recommendationId}/reply`, 200, { token: secretary, body: { text: '已建立全过程监督机制。' } });
    expect(replied.reply.onTime).toBe(true);
    const listed = await client.expect<{ recommendations: Array<{ recommendationId: string; reply: unknown }> }>('GET', `/api/units/${county}/recommendations?year=${year}`, 200, { token: secretary });
    expect(listed.recommendations).toEqual([expect.objectContaining({ recommendationId: letter.recommendationId, reply: expect.objectContaining({ onTime: true }) })]);
  });
});

describe('a political-ecology assessment', () => {
  it('records who assessed, the method, the content and the result for the committee', async () => {
    const body = { year, assessedBy: ['市纪委监委', '市委组织部'], method: '个别谈话、问卷调查、信访数据比对', content: '班子团结、干部作风、信访举报', rating: 'fair', result: '政治生态总体向好，工程建设领域问题多发' };
    const recorded = await client.expect<{ ecologyId: string; rating: string }>('POST', `/api/units/${county}/political-ecology`, 201, { token: commission, body });
    const secretary = await tokenFor(runtime, 'unit_secretary', county, countySecretary.personId);
    const listed = await client.expect<{ assessments: Array<Record<string, unknown>> }>('GET', `/api/units/${county}/political-ecology?year=${year}`, 200, { token: secretary });
    expect(listed.assessments).toEqual([expect.objectContaining({ ecologyId: recorded.ecologyId, assessedBy: body.assessedBy, method: body.method, content: body.content, rating: 'fair', result: body.result })]);
    const event = await eventually(async () => of(inspectionsTopic, 'inspections.PoliticalEcologyAssessed.v1').find((e) => e.data.ecologyId === recorded.ecologyId), 30_000, 'PoliticalEcologyAssessed');
    expect(Object.keys(event.data).sort()).toEqual(['actor', 'ecologyId', 'issuingUnitId', 'rating', 'unitId', 'year']);
  });
});
