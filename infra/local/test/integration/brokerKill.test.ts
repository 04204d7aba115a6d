/**
 * The broker dies (SIGKILL) in the middle of 500 submissions and comes back: every accepted
 * submission then appears in the dashboard exactly once. Submissions only touch DynamoDB (state and
 * outbox in one transaction), so they are accepted while the broker is down; the relay retries
 * from the first unpublished record; the consumers' inbox drops what is published twice.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Runtime } from '../../runtime.js';
import { startKafka, waitForKafka } from '../../kafka.js';
import { readState, writeState } from '../support/state.js';
import { api, documentClient, eventually, registerUnit, saveDraftWhenKnown, startTestRuntime, tokenFor } from '../support/harness.js';
import { statementAnswers } from '../../support/reportsFlow.js';

const unitCount = 50;
const years = Array.from({ length: 10 }, (_, i) => 2040 + i);
let runtime: Runtime;

beforeAll(async () => {
  runtime = await startTestRuntime();
});

afterAll(async () => {
  await runtime?.stop();
});

const pool = async <T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<void>) => {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index]!, index);
      }
    }),
  );
};

it('shows every accepted submission exactly once after the broker is killed and restarted', async () => {
  // Prepare: 50 units that the reports service knows, so 50 × 10 years = 500 submissions.
  const state = readState();
  if (!state.kafka) throw new Error('This test needs the broker the global setup started');
  const root = await registerUnit(runtime, `断线测试-${Date.now().toString(36)}`, undefined, '市委');
  const units: string[] = [];
  for (let i = 0; i < unitCount; i++) units.push(await registerUnit(runtime, `单位${i}`, root));
  const tokens = new Map<string, string>();
  for (const unit of units) tokens.set(unit, await tokenFor(runtime, 'unit_secretary', unit));
  await pool(units, 8, async (unit) => {
    await saveDraftWhenKnown(runtime, unit, years[0]!, tokens.get(unit)!);
  });
  const submissions = units.flatMap((unit) => years.map((year) => ({ unit, year })));

  // Act: submit all 500; kill the broker with SIGKILL after 150, restart it after 350.
  let done = 0;
  let restarted: Promise<void> | undefined;
  const accepted: Array<{ unit: string; year: number }> = [];
  await pool(submissions, 8, async ({ unit, year }) => {
    const token = tokens.get(unit)!;
    const draft = await api(runtime, 'PUT', `/api/units/${unit}/annual-reports/${year}`, { token, body: { summary: '报告', sections: [], answers: statementAnswers() } });
    const submit = await api(runtime, 'POST', `/api/units/${unit}/annual-reports/${year}/submit`, { token });
    if (draft.status === 200 && submit.status === 200) accepted.push({ unit, year });
    done++;
    if (done === 150) process.kill(state.kafka!.pid, 'SIGKILL');
    if (done === 350) {
      restarted = startKafka({ dataDir: state.kafka!.dataDir, port: state.kafka!.port, controllerPort: state.kafka!.controllerPort }).then((broker) => {
        writeState({ ...readState(), kafka: { ...state.kafka!, pid: broker.process.pid! } });
      });
    }
  });
  await restarted;
  await waitForKafka(state.brokers, 60_000);

  // Assess: all 500 accepted, and each shows in the dashboard once, applied once.
  expect(accepted).toHaveLength(submissions.length);
  const admin = await tokenFor(runtime, 'admin');
  for (const year of years) {
    const overview = await eventually(async () => {
      const o = (await api<{ units: Array<{ unitId: string; status: string }> }>(runtime, 'GET', `/api/dashboard/annual-reports?year=${year}`, { token: admin })).body;
      const ours = o.units.filter((u) => units.includes(u.unitId));
      return ours.length === unitCount && ours.every((u) => u.status === 'submitted' || u.status === 'late') ? ours : undefined;
    }, 120_000, `year ${year} in the dashboard`);
    expect(overview).toHaveLength(unitCount);
  }
  for (const year of years) {
    const { Items = [] } = await documentClient().send(
      new QueryCommand({ TableName: 'dashboard', KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `ANNUAL_REPORTS#${year}` } }),
    );
    const ours = Items.filter((i) => units.includes(i.unitId as string));
    expect(ours).toHaveLength(unitCount);
    expect(ours.map((i) => i.submittedEvents)).toEqual(Array(unitCount).fill(1));
  }
});
