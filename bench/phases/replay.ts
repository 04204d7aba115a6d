/**
 * Phase 10: a topic replayed into a fresh read model, as when a projection is rebuilt.
 *
 * `BENCH_REPLAY_EVENTS` valid events (100,000 unless told: for half as many fresh units, each a
 * first draft and then its submission, built by the reports service's decider) are produced to a
 * fresh topic with as many partitions as `reports.events`. Then, with the runtime stopped (no
 * stream or consumer of it running), a fresh dashboard table is created from the dashboard's manifest, and the dashboard's real
 * `onReportsEvents` function is run on that topic through the local Kafka event source emulation,
 * in a consumer group of its own starting at the beginning of the topic. The time runs from starting
 * that consumer until its committed offsets reach the end of every partition; then the statuses are
 * read back through the dashboard's own `loadStatuses`.
 */
import { randomUUID } from 'node:crypto';
import type { Message } from 'kafkajs';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { topicPartitions, type TopicName } from '#events/topics.js';
import { qualifiedName, tableEnvName, type ServiceManifest } from '#shared/manifest.js';
import { ensureTables, localDynamoClient } from '#infra/local/dynamodb.js';
import { loadFunctions } from '#infra/local/functions.js';
import { startKafkaSources } from '#infra/local/kafkaSources.js';
import { pool } from '#infra/local/support/pool.js';
import { sleep } from '#infra/local/support/sleep.js';
import dashboardService from '#services/dashboard/service.js';
import { loadStatuses } from '#services/dashboard/src/adapters/projection.js';
import type { Bench } from '../context.js';
import { groupLag } from '../pipeline.js';
import { draftAndSubmitEvents, messageOf, outboxItemOf } from '../records.js';
import { now, round } from '../stats.js';
import type { Usage } from '../usage.js';

/** What the replay did. */
export interface ReplayResult {
  readonly events: number;
  readonly units: number;
  readonly partitions: number;
  readonly produceMs: number;
  /** False when the replay was cut short by `BENCH_REPLAY_TIMEOUT_S`. */
  readonly finished: boolean;
  /** From starting the consumer until all was applied (or until it was cut short). */
  readonly ms: number;
  /** Records the consumer had committed at the end. */
  readonly applied: number;
  /** Units the fresh read model shows as submitted (or late) at the end. */
  readonly submittedVisible: number;
  readonly cpu: Usage;
}

/** The year of the replayed reports. */
const replayYear = 2026;
/** Records per produce request, and requests in flight, when filling the topic. */
const produceBatch = 1000;
const produceInFlight = 4;

/** Fills a fresh topic, stops the runtime, and replays the topic into a fresh dashboard table. */
export const measureReplay = async (bench: Bench): Promise<ReplayResult> => {
  const { admin, kafka, settings } = bench;
  const total = settings.replayEvents;
  const units = Math.ceil(total / 2);
  const stamp = Date.now();
  const topic = `bench.replay.${stamp}`;

  const produceStep = bench.progress.step(`replay: ${total} events to a fresh topic`);
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: topicPartitions, replicationFactor: 1 }] });
  bench.defer(() => admin.deleteTopics({ topics: [topic] }));
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  bench.defer(() => producer.disconnect());
  // A unit's two events go in one request, so they keep their order on the unit's partition.
  const batches = Array.from({ length: Math.ceil(total / produceBatch) }, (_, i) => i * produceBatch);
  const produceStart = now();
  let sent = 0;
  await pool(batches, produceInFlight, async (first) => {
    const messages: Message[] = [];
    for (let i = first; i < Math.min(total, first + produceBatch); i += 2) {
      const [draft, submit] = draftAndSubmitEvents(randomUUID(), replayYear);
      messages.push(messageOf(outboxItemOf(draft)));
      if (i + 1 < total) messages.push(messageOf(outboxItemOf(submit)));
    }
    await producer.send({ topic, acks: -1, messages });
    sent += messages.length;
    produceStep.update(`${sent} sent`);
  });
  const produceMs = now() - produceStart;
  produceStep.done(`${round(total / (produceMs / 1000), 0)} events/s produced`);

  const step = bench.progress.step(`replay: dashboard onReportsEvents → a fresh table (${total} events)`);
  await bench.stopRuntime();
  const table = `${dashboardService.tables.main.name}-replay-${stamp}`;
  await ensureTables(bench.parts.endpoint, [{ ...dashboardService, tables: { main: { ...dashboardService.tables.main, name: table } } }]);
  bench.defer(() => localDynamoClient(bench.parts.endpoint).send(new DeleteTableCommand({ TableName: table })));
  const tableEnv = tableEnvName(dashboardService.name, 'main');
  const previousTable = process.env[tableEnv];
  process.env[tableEnv] = table;
  try {
    const spec = dashboardService.functions.onReportsEvents;
    const functions = await loadFunctions([{ ...dashboardService, functions: { onReportsEvents: spec } }], bench.cpu.onInvoke);
    const fn = functions.get(qualifiedName(dashboardService.name, 'onReportsEvents'))!;
    const trigger = spec.triggers[0];
    // The same function and trigger settings on the replay topic, in a consumer group of its own.
    const replayService: ServiceManifest = {
      name: `bench-replay-${stamp}`,
      produces: [],
      tables: {},
      functions: {
        onReportsEvents: { ...spec, triggers: [{ ...trigger, topic: topic as TopicName, startingPosition: 'TRIM_HORIZON' }] },
      },
    };
    const group = qualifiedName(replayService.name, 'onReportsEvents');

    const mark = bench.cpu.mark();
    const start = now();
    const sources = await startKafkaSources({
      brokers: bench.parts.brokers,
      services: [replayService],
      functions: new Map([[group, fn]]),
      log: (line) => bench.log(`[replay] ${line}`),
    });
    bench.defer(() => Promise.all(sources.map((s) => s.stop())));
    const deadline = start + settings.replayTimeoutMs;
    let finished = false;
    let applied = 0;
    let lastUpdate = start;
    for (;;) {
      const { end, lag } = await groupLag(admin, group, topic);
      applied = end - lag;
      if (lag === 0 && end >= total) {
        finished = true;
        break;
      }
      if (now() > deadline) break;
      if (now() - lastUpdate >= 10_000) {
        lastUpdate = now();
        step.update(`${applied} applied, ${round(applied / ((now() - start) / 1000), 0)} events/s`);
      }
      await sleep(250);
    }
    const ms = now() - start;
    const cpu = bench.cpu.since(mark, Math.max(1, applied));
    await Promise.all(sources.map((s) => s.stop()));
    if (!finished) bench.note(`replay cut short after ${round(ms / 1000, 0)} s: ${applied} of ${total} events applied`);
    const statuses = await loadStatuses(replayYear);
    const submittedVisible = [...statuses.values()].filter((s) => s === 'submitted' || s === 'late').length;
    if (finished && submittedVisible !== Math.floor(total / 2)) {
      bench.note(`replay: the fresh read model shows ${submittedVisible} submitted units, expected ${Math.floor(total / 2)}`);
    }
    step.done(`${round(ms / 1000, 1)} s, ${round(applied / (ms / 1000), 0)} events/s${finished ? '' : ' (cut short)'}`);
    return { events: total, units, partitions: topicPartitions, produceMs, finished, ms, applied, submittedVisible, cpu };
  } finally {
    if (previousTable === undefined) delete process.env[tableEnv];
    else process.env[tableEnv] = previousTable;
  }
};
