/**
 * Integrity-risk posts through the gateway on the real broker and DynamoDB Local: grading names who
 * answers, a high-risk holder signs a pledge on the unit's chain, and the daily run announces a
 * holder due to rotate on the day, and not twice.
 */
import type { Runtime } from '#infra/local/runtime.js';
import { httpClient, type HttpClient } from '#infra/local/support/httpClient.js';
import { signingFlow } from '#infra/local/support/signingFlow.js';
import { api, eventually, registerUnit, startTestRuntime, tokenFor } from '#infra/local/test/support/harness.js';
import { recordTopic, type TopicRecorder } from '#infra/local/test/support/topic.js';
import { topics } from '#events/topics.js';

let runtime: Runtime;
let client: HttpClient;
let recorder: TopicRecorder;
const suffix = Date.now().toString(36);

beforeAll(async () => {
  runtime = await startTestRuntime();
  recorder = await recordTopic(topics.signing);
  client = httpClient(runtime.url);
});

afterAll(async () => {
  client?.close();
  await runtime?.stop();
  await recorder?.stop();
});

interface Graded {
  riskPost: { riskPostId: string; level: number; answerable: { personId: string; rule: string } };
  pledge: { pledgeId: string; version: number; holder: { personId: string } } | null;
}

it('grades from power items, names the answerable leader, and has the holder sign a pledge that the unit’s chain verifies', async () => {
  // Prepare
  const flow = signingFlow(client, runtime.keys);
  const unitId = await registerUnit(runtime, `风险局-${suffix}`, undefined, '县直部门党组');
  const unit = await flow.staff(unitId, { secretary: '王局长', members: [{ name: '李副局长', areas: ['财政'] }] });
  const secretary = await flow.tokenOf(unit.secretary);
  const staff = await tokenFor(runtime, 'unit_staff', unitId);
  const power = await client.expect<{ powerItemId: string }>('POST', `/api/units/${unitId}/power-items`, 201, { token: staff, body: { category: '行政许可', name: '建设工程规划许可', level: 2 } });

  // Act
  const graded = await client.expect<Graded>('POST', `/api/units/${unitId}/risk-posts`, 201, {
    token: secretary,
    body: { name: '规划股股长', area: '财政', powerItemIds: [power.powerItemId], holder: { name: '钱进' }, servingSince: '2023-05-01' },
  });
  const holder = await tokenFor(runtime, 'unit_staff', unitId, graded.pledge!.holder.personId);
  const notHolder = await api(runtime, 'POST', `/api/pledges/${graded.pledge!.pledgeId}/sign`, { token: secretary, body: { version: 1 } });
  const signed = await api(runtime, 'POST', `/api/pledges/${graded.pledge!.pledgeId}/sign`, { token: holder, body: { version: 1 } });

  // Assess
  expect(graded.riskPost).toMatchObject({ level: 2, answerable: { personId: unit.members[0]!.personId, rule: 'leaderInCharge' } });
  expect(notHolder.status).toBe(403);
  expect(signed.status).toBe(200);
  const pledges = (await api<{ pledges: Array<{ status: string }> }>(runtime, 'GET', `/api/units/${unitId}/pledges?year=${new Date().getFullYear()}`, { token: staff })).body.pledges;
  expect(pledges.map((p) => p.status)).toEqual(['signed']);
  const verdict = (await api<{ valid: boolean; signatures: number }>(runtime, 'GET', `/api/units/${unitId}/signatures/verify?year=${new Date().getFullYear()}`, { token: secretary })).body;
  expect(verdict).toMatchObject({ valid: true, signatures: 1 });
});

it('announces a holder due to rotate on the day it falls due, and not the day before, nor twice', async () => {
  // Prepare: a holder who took the post on 10 March 2021 rotates after 5 years, on 10 March 2026.
  const flow = signingFlow(client, runtime.keys);
  const unitId = await registerUnit(runtime, `轮岗局-${suffix}`, undefined, '县直部门党组');
  const unit = await flow.staff(unitId, { secretary: '赵局长', members: [] });
  const graded = await client.expect<Graded>('POST', `/api/units/${unitId}/risk-posts`, 201, {
    token: await flow.tokenOf(unit.secretary),
    body: { name: '出纳', area: '财务', level: 3, holder: { name: '孙会计' }, servingSince: '2021-03-10', supervisor: { name: '财务科长' } },
  });
  const announcedFor = () => recorder.values().filter((v) => v.type === 'signing.RotationDue.v1' && (v.data as { riskPostId: string }).riskPostId === graded.riskPost.riskPostId);

  // Act
  await runtime.fire('signing-rotationDue', new Date('2026-03-09T01:00:00Z'));
  const dayBefore = announcedFor().length;
  await runtime.fire('signing-rotationDue', new Date('2026-03-10T01:00:00Z'));
  await runtime.fire('signing-rotationDue', new Date('2026-03-10T01:00:00Z'));
  await runtime.fire('signing-rotationDue', new Date('2026-03-11T01:00:00Z'));

  // Assess
  expect(dayBefore).toBe(0);
  const events = await eventually(async () => (announcedFor().length > 0 ? announcedFor() : undefined), 30_000, 'the RotationDue event');
  // Time for a second one to arrive, had it been sent.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect(announcedFor()).toHaveLength(1);
  expect(events[0]!.data).toMatchObject({ dueDate: '2026-03-10', years: 5, servingSince: '2021-03-10', postName: '出纳' });
});
