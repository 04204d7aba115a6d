/**
 * Phase 7: the outbox relay against a bare kafkajs producer.
 *
 * Records: the outbox items of valid `reports.AnnualReportDraftSaved.v1` events of the benchmark's
 * units (on the relay's year, which the dashboard consumer also applies).
 *
 * - Bare producer: records of the same keys, values and headers sent to a scratch topic with as
 *   many partitions, in batches of the stream trigger's batch size, with the relay's settings
 *   (acks -1, no compression); records/s from the first send until a fresh consumer has received
 *   them all.
 * - Relay, live: the outbox items inserted straight into the `reports` table in TransactWriteItems
 *   batches while the runtime's relay runs; records/s from the first insert until a fresh consumer
 *   of `reports.events` has received them all. Then the time until the dashboard consumer has
 *   applied them. This rate cannot exceed the rate of the inserts.
 *
 * The relay on a backlog is measured later (`relayBacklog.ts`), once the runtime is stopped.
 */
import { CompressionTypes, type Producer } from 'kafkajs';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { pool } from '#infra/local/support/pool.js';
import { topicPartitions, topics } from '#events/topics.js';
import { tableName } from '#shared/dynamo/client.js';
import { outboxPut } from '#shared/outbox/outbox.js';
import type { Bench } from '../context.js';
import { relayYear, type Pair } from '../pairs.js';
import { countingConsumer } from '../counting.js';
import { draftSavedEvent, messageOf, outboxItemOf } from '../records.js';
import { now, round } from '../stats.js';
import type { Usage } from '../usage.js';

/** The relay's side. */
export interface RelaySide {
  readonly start: number;
  readonly firstReceived: number;
  readonly lastReceived: number;
  readonly inserted: number;
  readonly transactBatch: number;
  readonly dashboardAppliedAfterMs: number;
  readonly cpu: Usage;
}

/** The bare producer's side. */
export interface ProducerSide {
  readonly start: number;
  readonly firstReceived: number;
  readonly lastReceived: number;
  readonly acknowledged: number;
  readonly cpu: Usage;
}

/** Both sides, on `records` records each. */
export interface RelayResult {
  readonly records: number;
  readonly relay: RelaySide;
  readonly bareProducer: ProducerSide;
}

/** Records per second from `start` to `end` (ms). */
export const rateOf = (records: number, start: number, end: number): number => records / ((end - start) / 1000);

/** Measures both sides. */
export const measureRelay = async (bench: Bench, units: readonly Pair[]): Promise<RelayResult> => {
  const { kafka, admin, settings } = bench;
  const n = settings.relayRecords;
  const events = () => Array.from({ length: n }, (_, i) => draftSavedEvent(units[i % units.length]!.unitId, relayYear));

  const producerStep = bench.progress.step(`bare kafkajs producer: ${n} records in batches of ${settings.producerBatch}`);
  const scratch = `bench.scratch.${Date.now()}`;
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic: scratch, numPartitions: topicPartitions, replicationFactor: 1 }] });
  bench.defer(() => admin.deleteTopics({ topics: [scratch] }));
  const producer: Producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  bench.defer(() => producer.disconnect());
  const scratchConsumer = await countingConsumer(kafka, scratch, true, bench.defer);
  const scratchEvents = events();
  const messages = scratchEvents.map((event) => messageOf(outboxItemOf(event)));
  scratchConsumer.expect(scratchEvents.map((e) => e.id));
  const scratchDone = scratchConsumer.all(60_000);
  let mark = bench.cpu.mark();
  const producerStart = now();
  for (let i = 0; i < n; i += settings.producerBatch) {
    await producer.send({ topic: scratch, acks: -1, compression: CompressionTypes.None, messages: messages.slice(i, i + settings.producerBatch) });
  }
  const acknowledged = now();
  const producerDone = await scratchDone;
  const producerCpu = bench.cpu.since(mark, n);
  await scratchConsumer.stop();
  const bareProducer: ProducerSide = { start: producerStart, firstReceived: scratchConsumer.firstAt(), lastReceived: producerDone, acknowledged, cpu: producerCpu };
  producerStep.done(`${round(rateOf(n, producerStart, producerDone), 0)} records/s received (${round(rateOf(n, producerStart, acknowledged), 0)}/s acknowledged)`);

  const relayStep = bench.progress.step(`outbox relay: ${n} outbox items → reports.events`);
  const relayConsumer = await countingConsumer(kafka, topics.reports, false, bench.defer);
  const relayEvents = events();
  const at = new Date();
  const puts = relayEvents.map((event) => outboxPut(tableName('reports'), topics.reports, event, at));
  relayConsumer.expect(relayEvents.map((e) => e.id));
  const relayDone = relayConsumer.all(120_000);
  let transactBatch = 100;
  mark = bench.cpu.mark();
  const relayStart = now();
  try {
    await bench.doc.send(new TransactWriteCommand({ TransactItems: puts.slice(0, transactBatch) }));
  } catch (error) {
    // Older DynamoDB Local versions allow 25 actions per transaction.
    if ((error as Error).name !== 'ValidationException') throw error;
    transactBatch = 25;
    bench.note(`TransactWriteItems of 100 items was refused (${(error as Error).message}); used batches of 25`);
    await bench.doc.send(new TransactWriteCommand({ TransactItems: puts.slice(0, transactBatch) }));
  }
  const batches: Array<typeof puts> = [];
  for (let i = transactBatch; i < n; i += transactBatch) batches.push(puts.slice(i, i + transactBatch));
  await pool(batches, settings.relayInsertConcurrency, (batch) => bench.doc.send(new TransactWriteCommand({ TransactItems: batch })));
  const inserted = now();
  bench.pipeline.caused(n);
  const relayReceived = await relayDone;
  const relayCpu = bench.cpu.since(mark, n);
  await relayConsumer.stop();
  relayStep.done(`${round(rateOf(n, relayStart, relayReceived), 0)} records/s (inserts took ${round((inserted - relayStart) / 1000, 2)} s)`);

  const drainStep = bench.progress.step('waiting for the dashboard consumer to apply the relayed events');
  const applied = await bench.pipeline.drain('relay', 120_000);
  drainStep.done(`${round(applied / 1000, 1)} s`);

  return {
    records: n,
    relay: { start: relayStart, firstReceived: relayConsumer.firstAt(), lastReceived: relayReceived, inserted, transactBatch, dashboardAppliedAfterMs: applied, cpu: relayCpu },
    bareProducer,
  };
};
