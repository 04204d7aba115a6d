/**
 * Units renamed, moved (with everything below them) and deactivated, through the gateway on the real
 * broker and DynamoDB Local; each an event that the dashboard follows.
 */
import type { Runtime } from '#infra/local/runtime.js';
import { api, eventually, registerUnit, startTestRuntime, tokenFor } from '#infra/local/test/support/harness.js';
import { recordTopic, type TopicRecorder } from '#infra/local/test/support/topic.js';
import { SigningEvent } from '#events/index.js';
import { topics } from '#events/topics.js';

let runtime: Runtime;
let recorder: TopicRecorder;
const suffix = Date.now().toString(36);

beforeAll(async () => {
  runtime = await startTestRuntime();
  recorder = await recordTopic(topics.signing);
});

afterAll(async () => {
  await runtime?.stop();
  await recorder?.stop();
});

const listed = async (token: string) => (await api<{ units: Array<{ id: string; name: string }> }>(runtime, 'GET', '/api/units', { token })).body.units.map((u) => u.id);

it('moves a unit with the units below it: the new parent’s people reach them, the old one’s no longer', async () => {
  // Prepare: city → (east county → town), (west county)
  const admin = await tokenFor(runtime, 'admin');
  const city = await registerUnit(runtime, `迁移市-${suffix}`, undefined, '市委');
  const east = await registerUnit(runtime, `东县-${suffix}`, city);
  const west = await registerUnit(runtime, `西县-${suffix}`, city);
  const town = await registerUnit(runtime, `东县某镇-${suffix}`, east, '乡镇（街道）党委');

  // Act
  const moved = await api<{ ancestorIds: string[]; parentId: string }>(runtime, 'POST', `/api/units/${town}/move`, { token: admin, body: { parentId: west } });
  const underItself = await api(runtime, 'POST', `/api/units/${east}/move`, { token: admin, body: { parentId: east } });
  const eastAdmin = await tokenFor(runtime, 'admin', east);
  const toUnknown = await api(runtime, 'POST', `/api/units/${east}/move`, { token: eastAdmin, body: { parentId: '0196a0f2-0000-7000-8000-00000000abcd' } });

  // Assess
  expect(moved.status).toBe(200);
  expect(moved.body).toMatchObject({ parentId: west, ancestorIds: [city, west] });
  expect(await listed(await tokenFor(runtime, 'unit_secretary', west))).toContain(town);
  expect(await listed(await tokenFor(runtime, 'unit_secretary', east))).not.toContain(town);
  expect(underItself.status).toBe(422);
  expect(toUnknown.status).toBe(422);
  // An existing parent out of the caller's reach gets the very same answer.
  const toOutOfReach = await api(runtime, 'POST', `/api/units/${east}/move`, { token: eastAdmin, body: { parentId: west } });
  expect(toOutOfReach.status).toBe(422);
  expect((toOutOfReach.body as { detail: string }).detail).toBe((toUnknown.body as { detail: string }).detail);
  const event = await eventually(async () => recorder.values().find((v) => v.type === 'signing.UnitMoved.v1' && (v.data as { unitId: string }).unitId === town), 30_000, 'UnitMoved');
  expect(SigningEvent.safeParse(event).error).toBeUndefined();
});

it('renames a unit, and the dashboard shows the new name', async () => {
  // Prepare
  const admin = await tokenFor(runtime, 'admin');
  const unit = await registerUnit(runtime, `旧名局-${suffix}`, undefined, '县直部门党组');

  // Act
  const renamed = await api<{ name: string }>(runtime, 'POST', `/api/units/${unit}/rename`, { token: admin, body: { name: `新名局-${suffix}` } });
  const again = await api(runtime, 'POST', `/api/units/${unit}/rename`, { token: admin, body: { name: `新名局-${suffix}` } });

  // Assess
  expect(renamed.body.name).toBe(`新名局-${suffix}`);
  expect(again.status).toBe(409);
  await eventually(
    async () => {
      const overview = await api<{ units: Array<{ unitId: string; name: string }> }>(runtime, 'GET', '/api/dashboard/annual-reports?year=2026', { token: admin });
      return overview.body.units.find((u) => u.unitId === unit && u.name === `新名局-${suffix}`);
    },
    30_000,
    'the dashboard to show the new name',
  );
});

it('deactivates a unit only when nothing below it is active; it then takes no new posts', async () => {
  // Prepare
  const admin = await tokenFor(runtime, 'admin');
  const county = await registerUnit(runtime, `撤销县-${suffix}`, undefined, '县（市、区）委');
  const town = await registerUnit(runtime, `撤销县某镇-${suffix}`, county, '乡镇（街道）党委');

  // Act
  const withActiveBelow = await api(runtime, 'POST', `/api/units/${county}/deactivate`, { token: admin });
  const leaf = await api<{ active: boolean }>(runtime, 'POST', `/api/units/${town}/deactivate`, { token: admin });
  const post = await api(runtime, 'POST', `/api/units/${town}/posts`, { token: admin, body: { name: '某人', role: 'secretary', title: '党委书记', startDate: '2026-01-05' } });

  // Assess
  expect(withActiveBelow.status).toBe(409);
  expect(leaf.body.active).toBe(false);
  expect(post.status).toBe(409);
});
