/**
 * Rebuilding the dashboard's read models from the topics, on the real broker and DynamoDB Local:
 * data made through the API (units, a letter issued and signed by both parties, a report submitted
 * and returned, a key task rated red with a comment) shows on the dashboard; `npm run replay --
 * dashboard` empties the table and applies every event of the topics again; afterwards the table
 * holds the very same items, and the dashboard answers the same. Refusals are problem+json.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { cstDate } from '#events/envelope.js';
import { qualifiedName, triggersOf } from '#shared/manifest.js';
import dashboard from '#services/dashboard/service.js';
import type { AnnualReportOverview, KeyTaskLights, RectificationOverview, ReminderOverview, SigningCoverage } from '#services/dashboard/src/schemas.js';
import type { Runtime } from '../../runtime.js';
import type { ReplaySummary } from '../../replay.js';
import { repoRoot } from '../../paths.js';
import { httpClient, type HttpClient } from '../../support/httpClient.js';
import { signingFlow } from '../../support/signingFlow.js';
import { readState } from '../support/state.js';
import { api, documentClient, eventually, registerUnit, saveDraftWhenKnown, startTestRuntime, tokenFor } from '../support/harness.js';

let runtime: Runtime;
let client: HttpClient;
let admin: Admin;
const suffix = Date.now().toString(36);
/** The year in progress in China Standard Time. */
const year = Number(cstDate(new Date()).slice(0, 4));
const units = { city: '', county: '', town: '' };
let taskId = '';

/** The dashboard's consumer groups (named like their functions) and their topics. */
const groups = triggersOf(dashboard, 'kafka').map(({ functionName, trigger }) => ({ group: qualifiedName(dashboard.name, functionName), topic: trigger.topic }));
const table = dashboard.tables.main.name;

type Item = Record<string, unknown>;
const keyOf = (item: Item) => `${String(item.pk)} ${String(item.sk)}`;

/**
 * Every item of the dashboard's table that the events decide, sorted by key. Left out are the inbox
 * items, whose `expiresAt` is the moment the event was applied plus 14 days, and the change cursor
 * (`CURSOR`), which counts applications rather than events: a batch retried after its effects were
 * written finds its records already in the inbox and leaves the count behind, and a test that
 * invokes a consumer directly moves it too.
 */
const snapshot = async (): Promise<Item[]> => {
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documentClient().send(new ScanCommand({ TableName: table, ConsistentRead: true, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items.filter((i) => !String(i.pk).startsWith('INBOX#') && i.pk !== 'CURSOR').sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
};

/** The keys of the items that differ between two snapshots: missing from one, or not equal. */
const differences = (before: readonly Item[], after: readonly Item[]): string[] => {
  const [was, is] = [new Map(before.map((i) => [keyOf(i), i])), new Map(after.map((i) => [keyOf(i), i]))];
  return [...new Set([...was.keys(), ...is.keys()])].filter((key) => !isDeepStrictEqual(was.get(key), is.get(key))).sort();
};

/** Where each partition of the dashboard's topics starts and ends now, by topic. */
const topicOffsets = async () =>
  Object.fromEntries(
    await Promise.all(groups.map(async ({ topic }) => [topic, (await admin.fetchTopicOffsets(topic)).map((p) => ({ partition: p.partition, low: Number(p.low), high: Number(p.high) })).sort((a, b) => a.partition - b.partition)] as const)),
  );

/** Whether every group of the dashboard has committed up to `ends`. */
const caughtUp = async (ends: Awaited<ReturnType<typeof topicOffsets>>): Promise<boolean> => {
  for (const { group, topic } of groups) {
    const [answer] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
    const committed = new Map((answer?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
    if (!ends[topic]!.every((p) => Math.max(p.low, committed.get(p.partition) ?? -1) >= p.high)) return false;
  }
  return true;
};

/**
 * The table once the dashboard's consumers have applied everything on their topics, and nothing
 * arrived on them while it was read.
 */
const settledSnapshot = async (): Promise<Item[]> => {
  for (;;) {
    const ends = await topicOffsets();
    await eventually(async () => ((await caughtUp(ends)) ? true : undefined), 120_000, 'the dashboard’s consumers to apply everything on their topics', 200);
    const items = await snapshot();
    if (isDeepStrictEqual(await topicOffsets(), ends)) return items;
  }
};

/** The dashboard's views of this test's units, as the city's inspector reads them. */
const views = async () => {
  const token = await tokenFor(runtime, 'discipline_inspector', units.city, 'replay-city-inspector');
  const read = <T>(route: string) => client.expect<T>('GET', route, 200, { token });
  return {
    reports: await read<AnnualReportOverview>(`/api/dashboard/annual-reports?year=${year}&detail=true`),
    signing: await read<SigningCoverage>(`/api/dashboard/signing?year=${year}`),
    lights: await read<KeyTaskLights>(`/api/dashboard/key-task-lights?year=${year}`),
    rectifications: await read<RectificationOverview>('/api/dashboard/rectifications'),
    reminders: await read<ReminderOverview>('/api/dashboard/reminders'),
  };
};

/** Runs the command `npm run replay -- <service>` (its script, under tsx) against this test's runtime. */
const replayCommand = (service: string) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', path.join(repoRoot, 'node_modules/tsx/dist/loader.mjs'), 'infra/local/cli/replay.ts', service], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      // The runtime's keys are in its data folder (`startTestRuntime`'s), where the command finds them.
      env: { ...process.env, PORT: String(runtime.port), DATA_DIR: path.join(readState().dataDir, 'runtime') },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });

/** Units, a letter signed by both parties, a report submitted and returned, a key task rated red with a comment: all through the API. */
const produceDashboardData = async () => {
  const flow = signingFlow(client, runtime.keys);
  units.city = await registerUnit(runtime, `重放市-${suffix}`, undefined, '市委');
  units.county = await registerUnit(runtime, `重放县-${suffix}`, units.city);
  units.town = await registerUnit(runtime, `重放镇-${suffix}`, units.county, '乡镇（街道）党委');
  const county = await flow.staff(units.county, { secretary: '孙书记', members: [{ name: '周委员', areas: ['财政'] }] });
  await flow.publishLists(county, year);
  const { issued } = await flow.issue(units.county, year, await flow.tokenOf(county.secretary));
  const letter = issued.find((l) => l.recipient.personId === county.members[0]!.personId)!;
  for (const holder of [county.secretary, county.members[0]!]) {
    const signed = await flow.sign(letter, holder);
    if (signed.status !== 200) throw new Error(`sign as ${holder.name}: ${signed.status} ${signed.text}`);
  }

  await saveDraftWhenKnown(runtime, units.town, year, await tokenFor(runtime, 'unit_staff', units.town));
  await client.expect('POST', `/api/units/${units.town}/annual-reports/${year}/submit`, 200, { token: await tokenFor(runtime, 'unit_secretary', units.town) });
  await client.expect('POST', `/api/units/${units.town}/annual-reports/${year}/return`, 200, {
    token: await tokenFor(runtime, 'discipline_inspector', units.county),
    body: { reason: '第一责任人履责情况过于笼统，请补充具体事例。' },
  });

  // The reports service learns the county's posts from signing.events.
  const countyStaff = await tokenFor(runtime, 'unit_staff', units.county);
  const task = await eventually(async () => {
    const answer = await api<{ taskId: string }>(runtime, 'POST', `/api/units/${units.county}/key-tasks`, {
      token: countyStaff,
      body: {
        year,
        title: '建立班子成员廉政风险点台账',
        responsiblePersonId: county.members[0]!.personId,
        leadOffice: '党政办',
        goal: '班子成员廉政风险点全覆盖',
        measures: '逐岗排查、分级评定、季度复核',
        milestones: [{ date: `${year}-12-31`, text: '完成排查' }],
      },
    });
    return answer.status === 201 ? answer.body : undefined;
  }, 30_000, 'the reports service to know the county’s posts');
  taskId = task.taskId;
  const cityInspector = await tokenFor(runtime, 'discipline_inspector', units.city, 'replay-city-inspector');
  await client.expect('POST', `/api/units/${units.county}/key-tasks/${taskId}/lights`, 200, { token: cityInspector, body: { quarter: 1, light: 'red', reason: '严重滞后于时间节点' } });
  await client.expect('POST', `/api/units/${units.county}/key-tasks/${taskId}/lights/1/comments`, 200, { token: cityInspector, body: { memberName: '周敏', text: '请对照时间节点加快推进。' } });

  await eventually(async () => {
    const { reports, signing, lights } = await views();
    const task = lights.tasks.find((t) => t.taskId === taskId);
    const returned = reports.units.find((u) => u.unitId === units.town)?.status === 'returned';
    return returned && task?.lights['1'] === 'red' && task.comments['1'] === 1 && signing.levels.some((l) => l.done > 0) ? true : undefined;
  }, 30_000, 'the returned report, the red light with its comment and the signed letter on the dashboard', 200);
};

beforeAll(async () => {
  runtime = await startTestRuntime();
  client = httpClient(runtime.url);
  admin = new Kafka({ clientId: 'replay-test', brokers: readState().brokers.split(','), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
});

afterAll(async () => {
  client?.close();
  await admin?.disconnect();
  await runtime?.stop();
});

describe('POST /_local/replay', () => {
  it('refuses an unknown service (404), a service with write routes (400) and anyone but an admin of the whole tree (403), as problem+json', async () => {
    // Prepare
    const adminToken = await tokenFor(runtime, 'admin');
    const unitAdmin = await tokenFor(runtime, 'admin', 'u-replay');
    const inspector = await tokenFor(runtime, 'discipline_inspector', 'u-replay');

    // Act
    const unknown = await api(runtime, 'POST', '/_local/replay', { token: adminToken, body: { service: 'nosuch' } });
    const signing = await api(runtime, 'POST', '/_local/replay', { token: adminToken, body: { service: 'signing' } });
    const byUnitAdmin = await api(runtime, 'POST', '/_local/replay', { token: unitAdmin, body: { service: 'dashboard' } });
    const byInspector = await api(runtime, 'POST', '/_local/replay', { token: inspector, body: { service: 'dashboard' } });
    const command = await replayCommand('signing');

    // Assess
    expect(unknown).toMatchObject({ status: 404, contentType: 'application/problem+json', body: { status: 404, detail: expect.stringContaining('nosuch') } });
    expect(signing).toMatchObject({ status: 400, contentType: 'application/problem+json', body: { status: 400, detail: expect.stringContaining('HTTP write routes') } });
    for (const refused of [byUnitAdmin, byInspector]) expect(refused).toMatchObject({ status: 403, contentType: 'application/problem+json', body: { status: 403 } });
    expect(command.code).toBe(1);
    expect(command.stderr).toContain('replay refused (400)');
  });

  it('refuses a second replay of a service while one is under way (409)', async () => {
    // Prepare
    const first = runtime.replay('dashboard');

    // Act
    const second = await api(runtime, 'POST', '/_local/replay', { token: await tokenFor(runtime, 'admin'), body: { service: 'dashboard' } });

    // Assess
    expect(second).toMatchObject({ status: 409, contentType: 'application/problem+json', body: { status: 409, detail: expect.stringContaining('under way') } });
    expect((await first).type).toBe('done');
  });
});

describe('a replay of the dashboard', () => {
  let baseline: ReplaySummary;

  beforeAll(async () => {
    // The table as the topics make it: other test files write into it around the topics (a consumer
    // of their own, an invocation with an event that is on no topic), which no replay brings back.
    baseline = await runtime.replay('dashboard');
    await produceDashboardData();
  }, 300_000);

  it('rebuilds from the topics every item and answer that the live consumers made', async () => {
    // Prepare
    const before = await settledSnapshot();
    const answersBefore = await views();

    // Act
    const command = await replayCommand('dashboard');

    // Assess
    expect({ code: command.code, stderr: command.stderr }).toEqual({ code: 0, stderr: '' });
    expect(command.stdout).toContain('重放 / replaying dashboard ✓');
    for (const { topic } of groups) expect(command.stdout).toContain(topic);
    const after = await settledSnapshot();
    expect(differences(before, after)).toEqual([]);
    expect(after).toEqual(before);
    expect(after).toContainEqual(expect.objectContaining({ pk: `ANNUAL_REPORTS#${year}`, sk: `UNIT#${units.town}`, status: 'returned' }));
    expect(await views()).toEqual(answersBefore);
    expect(baseline.topics.map((t) => t.topic).sort()).toEqual(groups.map((g) => g.topic).sort());
    expect(baseline.topics.every((t) => t.applied === t.total)).toBe(true);
  }, 300_000);
});
