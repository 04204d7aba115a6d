/**
 * Phase 9: the outbox relay on a backlog, the figure the relay target judges.
 *
 * The runtime is stopped (its relay has published everything before: every phase drained), and
 * outbox items of valid `reports.AnnualReportDraftSaved.v1` events are inserted into the `reports`
 * table, where no relay reads them now. Then the reports service's real `relay` function is started
 * again through the local stream poller, on the runtime's data folder, so that it resumes from the
 * runtime's stream checkpoints and reads just the backlog, as a relay catching up after a stop
 * does. Records/s run from that start until a fresh consumer of `reports.events` has them all; the
 * bare producer, its baseline, also sends from a backlog (its records in memory).
 *
 * (A fresh table for the backlog would spare stopping the runtime, but DynamoDB Local makes
 * transactions into a table created while other streams are being read wait on a lock for seconds.)
 */
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { loadFunctions } from '#infra/local/functions.js';
import { startStreamPollers } from '#infra/local/streams.js';
import { pool } from '#infra/local/support/pool.js';
import { topics } from '#events/topics.js';
import { tableName } from '#shared/dynamo/client.js';
import { outboxPut } from '#shared/outbox/outbox.js';
import reportsService from '#services/reports/service.js';
import type { Bench } from '../context.js';
import { relayYear, type Pair } from '../pairs.js';
import { countingConsumer } from '../counting.js';
import { draftSavedEvent } from '../records.js';
import { now, round } from '../stats.js';
import type { Usage } from '../usage.js';
import { rateOf } from './relay.js';

/** The relay draining a backlog of `records` outbox items. */
export interface RelayBacklogResult {
  readonly records: number;
  readonly start: number;
  readonly firstReceived: number;
  readonly lastReceived: number;
  readonly cpu: Usage;
}

/** Stops the runtime, fills the backlog and times the relay on it; `transactBatch` items per insert. */
export const measureRelayBacklog = async (bench: Bench, units: readonly Pair[], transactBatch: number): Promise<RelayBacklogResult> => {
  const { settings } = bench;
  const n = settings.relayRecords;
  const step = bench.progress.step(`outbox relay on a backlog: ${n} outbox items → reports.events (the runtime stopped)`);
  const consumer = await countingConsumer(bench.kafka, topics.reports, false, bench.defer);
  await bench.stopRuntime();

  const at = new Date();
  const events = Array.from({ length: n }, (_, i) => draftSavedEvent(units[i % units.length]!.unitId, relayYear, at));
  const puts = events.map((event) => outboxPut(tableName('reports'), topics.reports, event, at));
  const batches: Array<typeof puts> = [];
  for (let i = 0; i < n; i += transactBatch) batches.push(puts.slice(i, i + transactBatch));
  await pool(batches, settings.relayInsertConcurrency, (batch) => bench.doc.send(new TransactWriteCommand({ TransactItems: batch })));
  consumer.expect(events.map((e) => e.id));
  const done = consumer.all(120_000);

  const relayOnly = { ...reportsService, functions: { relay: reportsService.functions.relay } };
  const functions = await loadFunctions([relayOnly], bench.cpu.onInvoke);
  const mark = bench.cpu.mark();
  const start = now();
  const pollers = await startStreamPollers({
    endpoint: bench.parts.endpoint,
    dataDir: bench.dataDir,
    services: [relayOnly],
    functions,
    log: (line) => bench.log(`[relay backlog] ${line}`),
  });
  bench.defer(() => Promise.all(pollers.map((p) => p.stop())));
  const lastReceived = await done;
  const cpu = bench.cpu.since(mark, n);
  await Promise.all(pollers.map((p) => p.stop()));
  await consumer.stop();
  step.done(`${round(rateOf(n, start, lastReceived), 0)} records/s`);
  return { records: n, start, firstReceived: consumer.firstAt(), lastReceived, cpu };
};
