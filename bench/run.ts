/**
 * `npm run bench`: how much the local runtime costs on top of the parts it runs on.
 *
 * One run starts a Kafka broker and DynamoDB Local (or uses `KAFKA_BROKERS` / `DYNAMODB_ENDPOINT`)
 * with their data in a fresh temporary folder, starts the runtime (gateway, consumers, stream
 * pollers) on a free port, registers 40 units through the API and then measures, each after a
 * warm-up and with the system drained of earlier work (relay and dashboard consumer idle):
 *
 *  1. Submit latency: p50/p99 of `POST /api/units/{u}/annual-reports/{y}/submit` through the gateway,
 *     sequential; every draft is saved beforehand by an untimed `PUT` and its event drained, so the
 *     pipeline is not busy with a draft during a submit. Against a bare TransactWriteItems (document
 *     client on the same endpoint) of the very items the submit writes (the report Put, conditional
 *     on the draft's version, and the outbox Put), each draft put beforehand; bare writes use fresh
 *     random unit ids, and their outbox items are relayed and consumed like real ones, so both sides
 *     cause the same background work. Also the bare submit path: the submit's two GetItems and the
 *     TransactWriteItems, to separate what the gateway and handler add from the DynamoDB calls.
 *  2. Throughput: submissions/s with 16 concurrent clients over a fixed count, counting the submit
 *     only (all drafts are saved, and their events drained, before the clock starts); against 16
 *     concurrent bare TransactWriteItems of the same items.
 *  3. End to end: from sending the submit until `GET /api/dashboard/annual-reports?year=Y`, polled
 *     every 20 ms, shows the unit `submitted`/`late` (the draft is seen on the dashboard first).
 *  4. Relay: outbox items (valid `reports.AnnualReportDraftSaved.v1` events for year 2100, which the
 *     dashboard consumer also applies) inserted straight into the `reports` table in
 *     TransactWriteItems batches; records/s from the first insert until a fresh kafkajs consumer of
 *     `reports.events` has received them all; against a bare kafkajs producer sending records of the
 *     same keys, values and headers to a scratch topic in batches of 100 (the stream trigger's
 *     batch size) with the relay's settings (acks -1, no compression), timed the same way.
 *
 * For each timed part it also records the CPU used by this process (which hosts the gateway, every
 * function, the pollers and consumers) and by the DynamoDB Local and Kafka JVMs (from /proc), and
 * the function invocations in between (via `onInvoke`).
 *
 * Prints a table and writes `bench/results.json`. Stops everything it started (also on Ctrl-C),
 * removes the temporary folder, and exits non-zero on failure.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { CompressionTypes, Kafka, logLevel, type Admin, type Consumer, type Producer } from 'kafkajs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { partsSteps, startParts, type Parts } from '#infra/local/parts.js';
import { startRuntime, type Runtime } from '#infra/local/runtime.js';
import { signToken } from '#infra/local/jwt.js';
import { freePort } from '#infra/local/ports.js';
import { Progress } from '#infra/local/progress.js';
import { outboxHeaders, outboxPut, type OutboxItem } from '#shared/outbox/outbox.js';
import { qualifiedName } from '#shared/manifest.js';
import { newEvent, type CloudEvent } from '#events/envelope.js';
import { topicPartitions, topics } from '#events/topics.js';
import reportsService from '#services/reports/service.js';
import { decide, evolve, type AnnualReport } from '#services/reports/src/domain/annualReport.js';
import { annualReportDeadline } from '#services/reports/src/config.js';
import { now, pool, round, sleep, summarise, timed, type LatencySummary } from './stats.js';

// ---------------------------------------------------------------------------------------------
// Settings

const settings = {
  units: 40,
  latencyWarmup: 30,
  latencySamples: 300,
  throughputClients: 16,
  throughputCount: 800,
  e2eWarmup: 3,
  e2eSamples: 50,
  e2ePollMs: 20,
  relayRecords: 2000,
  relayInsertConcurrency: 4,
  producerBatch: 100,
  /** The whole run is aborted (and cleaned up) after this long. */
  watchdogMs: 6 * 60_000,
} as const;

/** Year 2100 is kept for the relay's events; units × years 2000..2099 give the submissions. */
const relayYear = 2100;
const firstYear = 2000;
const lastYear = 2099;

const reportsTable = reportsService.tables.main!.name;
const dashboardGroup = qualifiedName('dashboard', 'onReportsEvents');

const draftBody = {
  summary:
    '本单位认真贯彻落实党风廉政建设主体责任，党委（党组）书记切实履行第一责任人职责，班子成员落实“一岗双责”，全年召开专题会议研究部署党风廉政建设工作，逐级签订责任书，推动全面从严治党向纵深发展。',
  sections: [
    { title: '履行主体责任情况', content: '召开专题会议研究部署党风廉政建设工作，逐级签订责任书，将党风廉政建设纳入年度目标考核，定期听取下级单位履责情况汇报。'.repeat(2) },
    { title: '第一责任人履职情况', content: '带头落实一岗双责，开展廉政谈话，督促班子成员抓好分管领域的党风廉政建设，及时研究解决突出问题。'.repeat(2) },
  ],
};

const log = (line: string) => process.stderr.write(`${line}\n`);

// ---------------------------------------------------------------------------------------------
// Lifecycle: everything started is stopped once, on success, failure, Ctrl-C or the watchdog.

const started = Date.now();
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cg-bench-'));
let parts: Parts | undefined;
let runtime: Runtime | undefined;
// Kept while starting, so that a Ctrl-C during the start still stops what is being started.
let partsStarting: Promise<Parts> | undefined;
let runtimeStarting: Promise<Runtime> | undefined;
const closers: Array<() => Promise<unknown>> = [];
let cleaning: Promise<void> | undefined;
let signalled = false;

const cleanup = (): Promise<void> =>
  (cleaning ??= (async () => {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    const r = runtime ?? (await runtimeStarting?.catch(() => undefined));
    await r?.stop().catch((e: unknown) => log(`runtime.stop failed: ${String(e)}`));
    const p = parts ?? (await partsStarting?.catch(() => undefined));
    await p?.stop().catch((e: unknown) => log(`parts.stop failed: ${String(e)}`));
    rmSync(dataDir, { recursive: true, force: true });
  })());

const finish = async (code: number): Promise<never> => {
  await cleanup();
  process.exit(signalled ? 130 : code);
};

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (signalled) return;
    signalled = true;
    log(`\n${signal}: stopping …`);
    void finish(130);
  });
}
const watchdog = setTimeout(() => {
  log(`The benchmark did not finish within ${settings.watchdogMs / 1000} s; stopping.`);
  void finish(1);
}, settings.watchdogMs);

// ---------------------------------------------------------------------------------------------
// The API through the gateway

interface Pair {
  readonly unitId: string;
  readonly year: number;
  readonly token: string;
}

interface Api {
  call(method: string, urlPath: string, token: string, body?: unknown): Promise<{ status: number; json: unknown }>;
  expect(method: string, urlPath: string, token: string, status: number, body?: unknown): Promise<unknown>;
}

const apiFor = (base: string): Api => {
  const call: Api['call'] = async (method, urlPath, token, body) => {
    const res = await fetch(`${base}${urlPath}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, json: text ? (JSON.parse(text) as unknown) : undefined };
  };
  return {
    call,
    expect: async (method, urlPath, token, status, body) => {
      const res = await call(method, urlPath, token, body);
      if (res.status !== status) throw new Error(`${method} ${urlPath} → ${res.status} ${JSON.stringify(res.json)} (expected ${status})`);
      return res.json;
    },
  };
};

interface Overview {
  readonly units: ReadonlyArray<{ unitId: string; status: string }>;
}

// ---------------------------------------------------------------------------------------------
// Main

interface Figure {
  readonly value: number;
  readonly unit: string;
}
const fig = (value: number, unit: string, digits = 2): Figure => ({ value: round(value, digits), unit });
const latencyFigures = (s: LatencySummary) => ({
  samples: s.samples,
  p50: fig(s.p50, 'ms'),
  p90: fig(s.p90, 'ms'),
  p99: fig(s.p99, 'ms'),
  mean: fig(s.mean, 'ms'),
  min: fig(s.min, 'ms'),
  max: fig(s.max, 'ms'),
});

// CPU use per phase: this process (gateway, functions, pollers, consumers and the benchmark's own
// clients), the DynamoDB Local JVM and the Kafka JVM; and the function invocations in between.

const clockTicks = 100; // USER_HZ; Linux reports /proc/<pid>/stat times in it, 100 on every common build.
const processCpuMs = (pid: number | undefined): number => {
  if (!pid) return Number.NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
  } catch {
    return Number.NaN;
  }
};

/** Invocations (and records handed over) per function since the runtime started. */
const invocations = new Map<string, { calls: number; records: number }>();
const recordsIn = (event: unknown): number => {
  const e = event as { Records?: unknown[]; records?: Record<string, unknown[]> };
  if (Array.isArray(e.Records)) return e.Records.length;
  if (e.records) return Object.values(e.records).reduce((s, r) => s + r.length, 0);
  return 0;
};

interface Snapshot {
  readonly at: number;
  readonly node: number;
  readonly dynamo: number;
  readonly kafka: number;
  readonly invocations: ReadonlyMap<string, { calls: number; records: number }>;
}
const snapshot = (): Snapshot => {
  const cpu = process.cpuUsage();
  return {
    at: now(),
    node: (cpu.user + cpu.system) / 1000,
    dynamo: processCpuMs(parts?.dynamo?.process.pid),
    kafka: processCpuMs(parts?.kafka?.process.pid),
    invocations: new Map([...invocations].map(([k, v]) => [k, { ...v }])),
  };
};
/** CPU used since `mark`, as a share of one core, and per item (`count` items done in between). */
const usageSince = (mark: Snapshot, count: number) => {
  const end = snapshot();
  const seconds = (end.at - mark.at) / 1000;
  const of = (key: 'node' | 'dynamo' | 'kafka') => {
    const ms = end[key] - mark[key];
    return { cores: round(ms / 1000 / seconds, 2), cpuMsPerItem: round(ms / count, 2) };
  };
  const calls = Object.fromEntries(
    [...end.invocations]
      .map(([name, v]) => {
        const before = mark.invocations.get(name) ?? { calls: 0, records: 0 };
        return [name, { calls: v.calls - before.calls, records: v.records - before.records }] as const;
      })
      .filter(([, v]) => v.calls > 0),
  );
  return { seconds: round(seconds, 3), node: of('node'), dynamodbLocal: of('dynamo'), kafka: of('kafka'), invocations: calls };
};

const main = async () => {
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  const loadAtStart = os.loadavg();
  const progress = new Progress(partsSteps + 12);
  const notes: string[] = [];

  // 1. Parts and runtime.
  const [kafkaPort, controllerPort, dynamoPort] = [await freePort(), await freePort(), await freePort()];
  partsStarting = startParts({
    dataDir,
    kafkaPort,
    controllerPort,
    dynamoPort,
    progress,
    kafkaBrokers: process.env.KAFKA_BROKERS,
    dynamoEndpoint: process.env.DYNAMODB_ENDPOINT,
  });
  parts = await partsStarting;
  const runtimeStep = progress.step('runtime: topics, tables, functions, gateway');
  let runtimeLogLines = 0;
  runtimeStarting = startRuntime({
    kafkaBrokers: parts.brokers,
    dynamoEndpoint: parts.endpoint,
    dataDir,
    port: 0,
    onInvoke: (fn, event) => {
      const entry = invocations.get(fn.qualifiedName) ?? { calls: 0, records: 0 };
      entry.calls++;
      entry.records += recordsIn(event);
      invocations.set(fn.qualifiedName, entry);
    },
    log: (line) => {
      runtimeLogLines++;
      log(`[runtime] ${line}`);
    },
  });
  runtime = await runtimeStarting;
  for (let i = 0; (await runtime.health()).status !== 200; i++) {
    if (i > 300) throw new Error('The runtime did not become healthy');
    await sleep(100);
  }
  // 127.0.0.1 rather than the runtime's `localhost` URL, so that no request tries ::1 first.
  const api = apiFor(`http://127.0.0.1:${runtime.port}`);
  runtimeStep.done(runtime.url);

  const kafka = new Kafka({ clientId: 'bench', brokers: parts.brokers.split(','), logLevel: logLevel.NOTHING });
  const admin: Admin = kafka.admin();
  await admin.connect();
  closers.push(() => admin.disconnect());
  const doc = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: parts.endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 5 }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  closers.push(async () => doc.destroy());

  // Drain: every record the benchmark caused on reports.events is published and the dashboard
  // consumer has committed past it, so that one phase's background work does not fall in the next.
  const endOffsets = async () => (await admin.fetchTopicOffsets(topics.reports)).reduce((s, p) => s + Number(p.high), 0);
  const baseRecords = await endOffsets();
  let causedRecords = 0;
  const drain = async (what: string, timeoutMs = 90_000): Promise<number> => {
    const start = now();
    for (;;) {
      const ends = await admin.fetchTopicOffsets(topics.reports);
      const published = ends.reduce((s, p) => s + Number(p.high), 0) - baseRecords;
      const [committed] = await admin.fetchOffsets({ groupId: dashboardGroup, topics: [topics.reports] });
      const lag = ends.reduce((s, p) => {
        const c = Number(committed?.partitions.find((x) => x.partition === p.partition)?.offset ?? -1);
        return s + Number(p.high) - (c < 0 ? Number(p.low) : c);
      }, 0);
      if (published >= causedRecords && lag === 0) return now() - start;
      if (now() - start > timeoutMs) {
        const note = `drain after ${what} timed out: ${published}/${causedRecords} published, dashboard lag ${lag}`;
        notes.push(note);
        log(note);
        return now() - start;
      }
      await sleep(100);
    }
  };

  // 2. Units, and waiting until reports and dashboard know them.
  const unitsStep = progress.step(`${settings.units} units through the API`);
  const adminToken = await signToken(runtime.keys, 'admin');
  const units: Pair[] = [];
  for (let i = 0; i < settings.units; i++) {
    const unit = (await api.expect('POST', '/api/units', adminToken, 201, {
      name: `基准测试单位${String(i + 1).padStart(2, '0')}`,
      category: '市直部门党组',
    })) as { id: string };
    units.push({ unitId: unit.id, year: relayYear, token: await signToken(runtime.keys, 'unit_secretary', unit.id, `bench-${unit.id}`) });
  }
  const putDraft = async (pair: Pair) => {
    await api.expect('PUT', `/api/units/${pair.unitId}/annual-reports/${pair.year}`, pair.token, 200, draftBody);
    causedRecords++;
  };
  const submit = async (pair: Pair) => {
    await api.expect('POST', `/api/units/${pair.unitId}/annual-reports/${pair.year}/submit`, pair.token, 200);
    causedRecords++;
  };
  // The reports service answers 404 until it has seen the unit on signing.events.
  await pool(units, 4, async (unit) => {
    for (let attempt = 0; ; attempt++) {
      const res = await api.call('PUT', `/api/units/${unit.unitId}/annual-reports/${relayYear}`, unit.token, draftBody);
      if (res.status === 200) break;
      if (res.status !== 404 || attempt > 300) throw new Error(`PUT draft → ${res.status} ${JSON.stringify(res.json)}`);
      await sleep(100);
    }
    causedRecords++;
  });
  const overview = async (year: number) => (await api.expect('GET', `/api/dashboard/annual-reports?year=${year}`, adminToken, 200)) as Overview;
  for (let i = 0; ; i++) {
    const seen = (await overview(relayYear)).units.filter((u) => units.some((x) => x.unitId === u.unitId) && u.status === 'draft').length;
    if (seen === units.length) break;
    if (i > 600) throw new Error(`The dashboard shows ${seen}/${units.length} units`);
    await sleep(50);
  }
  await drain('units');
  unitsStep.done(`${units.length} units known to reports and dashboard`);

  // What the runtime costs while nothing happens (pollers, consumers' fetch loops, client timers).
  const idleStep = progress.step('idle runtime, 3 s');
  let mark = snapshot();
  await sleep(3_000);
  const idleUsage = usageSince(mark, 1);
  idleStep.done(`node ${idleUsage.node.cores} cores, DynamoDB Local ${idleUsage.dynamodbLocal.cores}, Kafka ${idleUsage.kafka.cores}`);

  let pairIndex = 0;
  const nextPairs = (count: number): Pair[] =>
    Array.from({ length: count }, () => {
      const unit = units[pairIndex % units.length]!;
      const year = firstYear + Math.floor(pairIndex / units.length);
      if (year > lastYear) throw new Error('Out of (unit, year) pairs');
      pairIndex++;
      return { ...unit, year };
    });

  // The bare write: the same items `saveReport` writes on submit, for a draft put beforehand.
  let bareIndex = 0;
  interface BareJob {
    readonly draft: AnnualReport;
    readonly unitId: string;
    readonly year: number;
  }
  const nextBare = (count: number): BareJob[] =>
    Array.from({ length: count }, () => {
      const unitId = randomUUID();
      const year = firstYear + (bareIndex++ % (lastYear - firstYear + 1));
      const [event] = decide({ kind: 'saveDraft', unitId, year, ...draftBody }, undefined, new Date(), annualReportDeadline(year));
      return { unitId, year, draft: evolve(undefined, event!) };
    });
  const reportKey = (unitId: string, year: number) => ({ pk: `ANNUAL_REPORTS#${year}`, sk: `UNIT#${unitId}` });
  const bareDraft = (job: BareJob) =>
    doc.send(new PutCommand({ TableName: reportsTable, Item: { ...reportKey(job.unitId, job.year), kind: 'annualReport', ...job.draft } }));
  const bareSubmitCommand = (job: BareJob) => {
    const at = new Date();
    const decided = decide({ kind: 'submit', unitId: job.unitId, year: job.year }, job.draft, at, annualReportDeadline(job.year));
    const next = decided.reduce<AnnualReport | undefined>(evolve, job.draft)!;
    const events: CloudEvent[] = decided.map((event, index) =>
      newEvent({
        type: event.type,
        source: '/services/reports',
        subject: `${job.unitId}/annual-reports/${job.year}`,
        unitId: job.unitId,
        aggregateVersion: job.draft.version + index + 1,
        correlationId: randomUUID(),
        time: at,
        data: event.data,
      }),
    );
    return new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: reportsTable,
            Item: { ...reportKey(job.unitId, job.year), kind: 'annualReport', ...next },
            ConditionExpression: 'version = :expected',
            ExpressionAttributeValues: { ':expected': job.draft.version },
          },
        },
        ...events.map((event) => outboxPut(reportsTable, topics.reports, event, at)),
      ],
    });
  };
  const bareSubmit = async (job: BareJob) => {
    const command = bareSubmitCommand(job);
    const { ms } = await timed(() => doc.send(command));
    causedRecords++;
    return ms;
  };

  // 3. Submit latency, sequential. All drafts are saved (and their events drained) first, so that
  // the relay and the dashboard consumer are not busy with a draft's event during its submit.
  const latencyStep = progress.step(`submit latency through the gateway (${settings.latencyWarmup} warm-up + ${settings.latencySamples})`);
  const latencyPairs = nextPairs(settings.latencyWarmup + settings.latencySamples);
  await pool(latencyPairs, 4, putDraft);
  await drain('latency drafts');
  mark = snapshot();
  const gatewayLatencies: number[] = [];
  for (const [i, pair] of latencyPairs.entries()) {
    const { ms } = await timed(() => submit(pair));
    if (i >= settings.latencyWarmup) gatewayLatencies.push(ms);
    if (i % 50 === 0) latencyStep.update(`${i} submits`);
  }
  const gatewayLatencyUsage = usageSince(mark, latencyPairs.length);
  await drain('gateway latency');
  const gatewayLatency = summarise(gatewayLatencies);
  latencyStep.done(`p50 ${round(gatewayLatency.p50)} ms, p99 ${round(gatewayLatency.p99)} ms`);

  const bareLatencyStep = progress.step(`bare TransactWriteItems latency (${settings.latencyWarmup} warm-up + ${settings.latencySamples})`);
  const bareLatencyJobs = nextBare(settings.latencyWarmup + settings.latencySamples);
  await pool(bareLatencyJobs, 4, bareDraft);
  mark = snapshot();
  const bareLatencies: number[] = [];
  for (const [i, job] of bareLatencyJobs.entries()) {
    const ms = await bareSubmit(job);
    if (i >= settings.latencyWarmup) bareLatencies.push(ms);
  }
  const bareLatencyUsage = usageSince(mark, bareLatencyJobs.length);
  await drain('bare latency');
  const bareLatency = summarise(bareLatencies);
  bareLatencyStep.done(`p50 ${round(bareLatency.p50)} ms, p99 ${round(bareLatency.p99)} ms`);

  // The submit's own DynamoDB calls, bare: GetItem of the unit, consistent GetItem of the report,
  // then the TransactWriteItems. Gateway minus this is what gateway, JWT check, middleware and
  // handler add.
  const barePathStep = progress.step(`bare submit path: 2 GetItem + TransactWriteItems (${settings.latencyWarmup} warm-up + ${settings.latencySamples})`);
  const barePathJobs = nextBare(settings.latencyWarmup + settings.latencySamples);
  await pool(barePathJobs, 4, bareDraft);
  const barePath: number[] = [];
  for (const [i, job] of barePathJobs.entries()) {
    const unit = units[i % units.length]!;
    const { ms } = await timed(async () => {
      const known = await doc.send(new GetCommand({ TableName: reportsTable, Key: { pk: 'UNITS', sk: `UNIT#${unit.unitId}` } }));
      if (!known.Item) throw new Error(`The reports table does not know unit ${unit.unitId}`);
      const report = await doc.send(new GetCommand({ TableName: reportsTable, Key: reportKey(job.unitId, job.year), ConsistentRead: true }));
      if (!report.Item) throw new Error('The bare draft is missing');
      await doc.send(bareSubmitCommand(job));
    });
    causedRecords++;
    if (i >= settings.latencyWarmup) barePath.push(ms);
  }
  await drain('bare submit path');
  const barePathLatency = summarise(barePath);
  barePathStep.done(`p50 ${round(barePathLatency.p50)} ms, p99 ${round(barePathLatency.p99)} ms`);

  // 4. Throughput, 16 concurrent clients, submit only (drafts saved and drained before).
  const c = settings.throughputClients;
  const tputStep = progress.step(`throughput through the gateway (${c} clients, ${settings.throughputCount} submits)`);
  const tputPairs = nextPairs(settings.throughputCount);
  await pool(tputPairs, c, putDraft);
  await drain('throughput drafts');
  // Times `count` jobs run by `clients` at once; then drains what they caused.
  const underLoad = async <T>(jobs: readonly T[], run: (job: T) => Promise<number>, label: string) => {
    const latencies: number[] = [];
    mark = snapshot();
    const started = now();
    await pool(jobs, c, async (job) => latencies.push(await run(job)));
    const seconds = (now() - started) / 1000;
    const usage = usageSince(mark, jobs.length);
    return { latencies, seconds, usage, rate: jobs.length / seconds, drainMs: await drain(label) };
  };
  const {
    latencies: gatewayUnderLoad,
    seconds: gwSeconds,
    usage: gatewayThroughputUsage,
    rate: gatewayRate,
    drainMs: gatewayDrainMs,
  } = await underLoad(tputPairs, async (pair) => (await timed(() => submit(pair))).ms, 'gateway throughput');
  tputStep.done(`${round(gatewayRate, 1)} submissions/s`);

  const bareTputStep = progress.step(`bare TransactWriteItems throughput (${c} clients, ${settings.throughputCount} writes)`);
  const bareJobs = nextBare(settings.throughputCount);
  await pool(bareJobs, c, bareDraft);
  await drain('bare drafts');
  const {
    latencies: bareUnderLoad,
    seconds: bareSeconds,
    usage: bareThroughputUsage,
    rate: bareRate,
    drainMs: bareDrainMs,
  } = await underLoad(bareJobs, bareSubmit, 'bare throughput');
  bareTputStep.done(`${round(bareRate, 1)} writes/s`);

  // 5. End to end: submit → seen on the dashboard.
  const e2eStep = progress.step(`end to end: submit → dashboard (${settings.e2eWarmup} warm-up + ${settings.e2eSamples})`);
  const waitForStatus = async (pair: Pair, accept: (status: string | undefined) => boolean, timeoutMs = 30_000): Promise<{ at: number; polls: number }> => {
    const start = now();
    for (let polls = 1; ; polls++) {
      const pollStart = now();
      const status = (await overview(pair.year)).units.find((u) => u.unitId === pair.unitId)?.status;
      if (accept(status)) return { at: now(), polls };
      if (now() - start > timeoutMs) throw new Error(`Unit ${pair.unitId} year ${pair.year} still ${status} after ${timeoutMs} ms`);
      await sleep(Math.max(0, settings.e2ePollMs - (now() - pollStart)));
    }
  };
  const e2e: number[] = [];
  const e2eSubmit: number[] = [];
  let e2ePolls = 0;
  for (const [i, pair] of nextPairs(settings.e2eWarmup + settings.e2eSamples).entries()) {
    await putDraft(pair);
    await waitForStatus(pair, (s) => s === 'draft');
    const t0 = now();
    await submit(pair);
    const answered = now();
    const seen = await waitForStatus(pair, (s) => s === 'submitted' || s === 'late');
    if (i >= settings.e2eWarmup) {
      e2e.push(seen.at - t0);
      e2eSubmit.push(answered - t0);
      e2ePolls += seen.polls;
    }
  }
  await drain('end to end');
  const endToEnd = summarise(e2e);
  e2eStep.done(`p50 ${round(endToEnd.p50)} ms, p99 ${round(endToEnd.p99)} ms`);

  // 6. Relay against a bare producer. Records: the outbox items of valid DraftSaved events.
  const relayEvents = (count: number) =>
    Array.from({ length: count }, (_, i) => {
      const unit = units[i % units.length]!;
      const event = newEvent({
        type: 'reports.AnnualReportDraftSaved.v1' as const,
        source: '/services/reports',
        subject: `${unit.unitId}/annual-reports/${relayYear}`,
        unitId: unit.unitId,
        aggregateVersion: 1,
        correlationId: randomUUID(),
        time: new Date(),
        data: { unitId: unit.unitId, year: relayYear, sectionCount: draftBody.sections.length },
      });
      return outboxPut(reportsTable, topics.reports, event, new Date());
    });

  /** A fresh consumer group that counts the records (by CloudEvent id) it has been told to expect. */
  const countingConsumer = async (topic: string, fromBeginning: boolean) => {
    const consumer: Consumer = kafka.consumer({ groupId: `bench-${randomUUID()}`, maxWaitTimeInMs: 100, sessionTimeout: 30_000 });
    closers.push(() => consumer.disconnect());
    const expected = new Set<string>();
    let received = 0;
    let firstAt = Number.NaN;
    let waiter: (() => void) | undefined;
    const joined = new Promise<void>((r) => consumer.on(consumer.events.GROUP_JOIN, () => r()));
    const fetched = new Promise<void>((r) => consumer.on(consumer.events.FETCH, () => r()));
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning });
    await consumer.run({
      eachBatch: async ({ batch }) => {
        for (const m of batch.messages) {
          const id = (JSON.parse(m.value?.toString('utf8') ?? '{}') as { id?: string }).id;
          if (id && expected.delete(id)) {
            received++;
            if (Number.isNaN(firstAt)) firstAt = now();
          }
        }
        if (expected.size === 0) waiter?.();
      },
    });
    await Promise.race([
      Promise.all([joined, fetched]),
      sleep(30_000).then(() => {
        throw new Error(`The consumer of ${topic} did not join`);
      }),
    ]);
    return {
      expect: (ids: Iterable<string>) => {
        for (const id of ids) expected.add(id);
      },
      all: (timeoutMs: number) =>
        new Promise<number>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`${topic}: ${received} received, ${expected.size} missing after ${timeoutMs} ms`)), timeoutMs);
          waiter = () => {
            clearTimeout(timer);
            resolve(now());
          };
          if (expected.size === 0) waiter();
        }),
      firstAt: () => firstAt,
      stop: () => consumer.disconnect(),
    };
  };

  const n = settings.relayRecords;
  const producerStep = progress.step(`bare kafkajs producer: ${n} records in batches of ${settings.producerBatch}`);
  const scratch = `bench.scratch.${Date.now()}`;
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic: scratch, numPartitions: topicPartitions, replicationFactor: 1 }] });
  closers.push(() => admin.deleteTopics({ topics: [scratch] }));
  const producer: Producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  closers.push(() => producer.disconnect());
  const scratchConsumer = await countingConsumer(scratch, true);
  const scratchItems = relayEvents(n).map((p) => p.Put.Item as OutboxItem);
  scratchConsumer.expect(scratchItems.map((item) => (JSON.parse(item.event) as CloudEvent).id));
  const scratchDone = scratchConsumer.all(60_000);
  mark = snapshot();
  const producerStart = now();
  for (let i = 0; i < n; i += settings.producerBatch) {
    await producer.send({
      topic: scratch,
      acks: -1,
      compression: CompressionTypes.None,
      messages: scratchItems.slice(i, i + settings.producerBatch).map((item) => ({ key: item.key, value: item.event, headers: { ...outboxHeaders(item) } })),
    });
  }
  const producerSent = now();
  const producerDone = await scratchDone;
  const producerUsage = usageSince(mark, n);
  await scratchConsumer.stop();
  const bareProducerRate = n / ((producerDone - producerStart) / 1000);
  const bareProducerSendRate = n / ((producerSent - producerStart) / 1000);
  producerStep.done(`${round(bareProducerRate, 0)} records/s received (${round(bareProducerSendRate, 0)}/s acknowledged)`);

  const relayStep = progress.step(`outbox relay: ${n} outbox items → reports.events`);
  const relayConsumer = await countingConsumer(topics.reports, false);
  const relayPuts = relayEvents(n);
  relayConsumer.expect(relayPuts.map((p) => (JSON.parse(p.Put.Item.event) as CloudEvent).id));
  const relayDone = relayConsumer.all(120_000);
  let transactBatch = 100;
  mark = snapshot();
  const relayStart = now();
  try {
    await doc.send(new TransactWriteCommand({ TransactItems: relayPuts.slice(0, transactBatch) }));
  } catch (error) {
    // Older DynamoDB Local versions allow 25 actions per transaction.
    if ((error as Error).name !== 'ValidationException') throw error;
    transactBatch = 25;
    notes.push(`TransactWriteItems of 100 items was refused (${(error as Error).message}); used batches of 25`);
    await doc.send(new TransactWriteCommand({ TransactItems: relayPuts.slice(0, transactBatch) }));
  }
  const batches: Array<typeof relayPuts> = [];
  for (let i = transactBatch; i < n; i += transactBatch) batches.push(relayPuts.slice(i, i + transactBatch));
  await pool(batches, settings.relayInsertConcurrency, (batch) => doc.send(new TransactWriteCommand({ TransactItems: batch })));
  const relayInserted = now();
  causedRecords += n;
  const relayReceived = await relayDone;
  const relayUsage = usageSince(mark, n);
  await relayConsumer.stop();
  const relayRate = n / ((relayReceived - relayStart) / 1000);
  const insertRate = n / ((relayInserted - relayStart) / 1000);
  relayStep.done(`${round(relayRate, 0)} records/s (inserts took ${round((relayInserted - relayStart) / 1000, 2)} s)`);
  const drainStep = progress.step('waiting for the dashboard consumer to apply the relayed events');
  const relayDrainMs = await drain('relay', 120_000);
  drainStep.done(`${round(relayDrainMs / 1000, 1)} s`);

  // 7. Results.
  const gwLoad = summarise(gatewayUnderLoad);
  const bareLoad = summarise(bareUnderLoad);
  const relayFirst = relayConsumer.firstAt();
  const scratchFirst = scratchConsumer.firstAt();
  const results = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      totalMemory: fig(os.totalmem() / 2 ** 30, 'GiB'),
      node: process.version,
      platform: `${os.platform()} ${os.release()} ${os.arch()}`,
      loadAverage1m: { atStart: round(loadAtStart[0]!), atEnd: round(os.loadavg()[0]!) },
    },
    parts: { kafka: parts.kafka ? 'started' : `existing ${parts.brokers}`, dynamodb: parts.dynamo ? 'started' : `existing ${parts.endpoint}` },
    runSeconds: round((Date.now() - started) / 1000, 1),
    idle: { description: 'CPU of the runtime and parts over 3 s with no requests', cpu: idleUsage },
    submitLatency: {
      description:
        'sequential, one at a time; gateway: POST …/submit, every draft saved by PUT (untimed) and its event drained beforehand; bare: TransactWriteItems of the same report Put (conditional on the draft version) + outbox Put, every draft put beforehand; bare submit path: the submit’s GetItem of the unit, consistent GetItem of the report and the TransactWriteItems',
      warmup: settings.latencyWarmup,
      gateway: latencyFigures(gatewayLatency),
      bare: latencyFigures(bareLatency),
      bareSubmitPath: latencyFigures(barePathLatency),
      ratio: { p50: round(gatewayLatency.p50 / bareLatency.p50), p99: round(gatewayLatency.p99 / bareLatency.p99), meaning: 'gateway / bare TransactWriteItems' },
      ratioToSubmitPath: {
        p50: round(gatewayLatency.p50 / barePathLatency.p50),
        p99: round(gatewayLatency.p99 / barePathLatency.p99),
        meaning: 'gateway / bare submit path',
      },
      cpu: { gateway: gatewayLatencyUsage, bare: bareLatencyUsage },
    },
    throughput: {
      description: `${c} concurrent clients, fixed count; submit only (drafts saved by PUT and their events drained before the clock starts); bare: TransactWriteItems of the same items`,
      clients: c,
      gateway: {
        count: tputPairs.length,
        seconds: fig(gwSeconds, 's', 3),
        rate: fig(gatewayRate, 'submissions/s', 1),
        latencyUnderLoad: latencyFigures(gwLoad),
        drainAfter: fig(gatewayDrainMs, 'ms', 0),
        cpu: gatewayThroughputUsage,
      },
      bare: {
        count: bareJobs.length,
        seconds: fig(bareSeconds, 's', 3),
        rate: fig(bareRate, 'writes/s', 1),
        latencyUnderLoad: latencyFigures(bareLoad),
        drainAfter: fig(bareDrainMs, 'ms', 0),
        cpu: bareThroughputUsage,
      },
      ratio: { value: round(gatewayRate / bareRate, 3), meaning: 'gateway / bare' },
    },
    endToEnd: {
      description: `submit sent → GET /api/dashboard/annual-reports shows submitted/late, polled every ${settings.e2ePollMs} ms (the draft is seen on the dashboard before the submit)`,
      warmup: settings.e2eWarmup,
      latency: latencyFigures(endToEnd),
      submitResponse: latencyFigures(summarise(e2eSubmit)),
      meanPolls: round(e2ePolls / Math.max(1, e2e.length), 1),
    },
    relay: {
      description: `${n} outbox items inserted in TransactWriteItems of ${transactBatch} (${settings.relayInsertConcurrency} at a time) → received by a fresh consumer of reports.events; bare: kafkajs producer, batches of ${settings.producerBatch}, acks -1, no compression, to a ${topicPartitions}-partition scratch topic → received by a fresh consumer. Rates count from the first insert / first send to the last record received.`,
      records: n,
      relay: {
        rate: fig(relayRate, 'records/s', 0),
        seconds: fig((relayReceived - relayStart) / 1000, 's', 3),
        firstToLastReceivedRate: fig(n / ((relayReceived - relayFirst) / 1000), 'records/s', 0),
        insertSeconds: fig((relayInserted - relayStart) / 1000, 's', 3),
        insertRate: fig(insertRate, 'items/s', 0),
        firstRecordAfter: fig(relayFirst - relayStart, 'ms', 0),
        lastRecordAfterInserts: fig(relayReceived - relayInserted, 'ms', 0),
        dashboardAppliedAfter: fig(relayDrainMs, 'ms', 0),
        cpu: relayUsage,
      },
      bareProducer: {
        rate: fig(bareProducerRate, 'records/s', 0),
        seconds: fig((producerDone - producerStart) / 1000, 's', 3),
        firstToLastReceivedRate: fig(n / ((producerDone - scratchFirst) / 1000), 'records/s', 0),
        acknowledgedRate: fig(bareProducerSendRate, 'records/s', 0),
        cpu: producerUsage,
      },
      ratio: { value: round(relayRate / bareProducerRate, 3), meaning: 'relay / bare producer' },
    },
    runtimeLogLines,
    notes,
  };

  type Row = readonly [metric: string, what: string, figure: Figure, samples?: number, note?: string];
  const rows: Row[] = [
    ['submit latency p50', 'gateway', results.submitLatency.gateway.p50, gatewayLatency.samples],
    ['submit latency p99', 'gateway', results.submitLatency.gateway.p99, gatewayLatency.samples],
    ['submit latency p50', 'bare TransactWriteItems', results.submitLatency.bare.p50, bareLatency.samples],
    ['submit latency p99', 'bare TransactWriteItems', results.submitLatency.bare.p99, bareLatency.samples],
    ['submit latency p50 ratio', 'gateway / bare', fig(results.submitLatency.ratio.p50, '×'), undefined],
    ['submit latency p99 ratio', 'gateway / bare', fig(results.submitLatency.ratio.p99, '×'), undefined],
    ['submit latency p50', 'bare 2×GetItem + Transact', results.submitLatency.bareSubmitPath.p50, barePathLatency.samples, `ratio gw/path ${results.submitLatency.ratioToSubmitPath.p50}×`],
    ['submit latency p99', 'bare 2×GetItem + Transact', results.submitLatency.bareSubmitPath.p99, barePathLatency.samples, `ratio gw/path ${results.submitLatency.ratioToSubmitPath.p99}×`],
    [`throughput (${c} clients)`, 'gateway, submit only', results.throughput.gateway.rate, tputPairs.length, `p50 ${round(gwLoad.p50)} / p99 ${round(gwLoad.p99)} ms`],
    [`throughput (${c} clients)`, 'bare TransactWriteItems', results.throughput.bare.rate, bareJobs.length, `p50 ${round(bareLoad.p50)} / p99 ${round(bareLoad.p99)} ms`],
    ['throughput ratio', 'gateway / bare', fig(results.throughput.ratio.value, '×', 3), undefined],
    ['end to end p50', 'submit → dashboard', results.endToEnd.latency.p50, endToEnd.samples],
    ['end to end p99', 'submit → dashboard', results.endToEnd.latency.p99, endToEnd.samples],
    ['relay publish rate', 'outbox → consumer', results.relay.relay.rate, n, `inserts took ${results.relay.relay.insertSeconds.value} s`],
    ['bare producer rate', 'producer → consumer', results.relay.bareProducer.rate, n, `acked ${results.relay.bareProducer.acknowledgedRate.value}/s`],
    ['relay ratio', 'relay / bare producer', fig(results.relay.ratio.value, '×', 3), undefined],
  ];
  process.stdout.write('\n');
  console.table(rows.map(([metric, what, f, samples, note]) => ({ metric, what, value: f.value, unit: f.unit, samples: samples ?? '', note: note ?? '' })));
  const cpuLine = (label: string, u: ReturnType<typeof usageSince>) =>
    `  ${label.padEnd(28)} node ${u.node.cores} cores (${u.node.cpuMsPerItem} ms/item), DynamoDB Local ${u.dynamodbLocal.cores} cores (${u.dynamodbLocal.cpuMsPerItem} ms/item), Kafka ${u.kafka.cores} cores`;
  process.stdout.write(
    [
      'CPU during the timed part (1.0 = one core):',
      cpuLine('idle (3 s, no requests)', idleUsage),
      cpuLine('submit latency, gateway', gatewayLatencyUsage),
      cpuLine('submit latency, bare', bareLatencyUsage),
      cpuLine('throughput, gateway', gatewayThroughputUsage),
      cpuLine('throughput, bare', bareThroughputUsage),
      cpuLine('relay', relayUsage),
      cpuLine('bare producer', producerUsage),
      `Load average (1 min): ${results.machine.loadAverage1m.atStart} at start, ${results.machine.loadAverage1m.atEnd} at end.`,
      '',
    ].join('\n'),
  );
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results.json');
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`Written to ${path.relative(process.cwd(), file)}; run took ${results.runSeconds} s.\n`);
  for (const note of notes) process.stdout.write(`note: ${note}\n`);
};

try {
  await main();
  clearTimeout(watchdog);
  await finish(0);
} catch (error) {
  clearTimeout(watchdog);
  if (!signalled) log(`\nbenchmark failed: ${(error as Error).stack ?? String(error)}`);
  await finish(1);
}

