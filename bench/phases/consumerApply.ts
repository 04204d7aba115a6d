/**
 * Phase 8: how fast a projection consumer applies events, against raw transactional writes of the
 * same items in the same run.
 *
 * - Consumer: a burst of valid `reports.AnnualReportDraftSaved.v1` records (of fresh unit ids, as
 *   the relay would publish them: key, value, headers) produced straight to `reports.events`; the
 *   runtime's dashboard consumer (`dashboard-onReportsEvents`, through the local Kafka event source
 *   emulation) applies them. Events/s from the first produce until the group's committed offsets
 *   reach the end of every partition; then every unit's status is read back through the
 *   dashboard's own `loadStatuses`.
 * - Raw writes: as many other events, each written as the consumer writes one event alone: one
 *   TransactWriteItems of the inbox item and the dashboard's own effect items (`draftSaved`), by
 *   one writer per partition of the topic (the most a consumer group can run at once), each
 *   writer one transaction after the other.
 */
import { randomUUID } from 'node:crypto';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { AnnualReportDraftSavedV1 } from '#events/index.js';
import { topicPartitions, topics } from '#events/topics.js';
import { ttlAfterDays } from '#shared/dynamo/client.js';
import { sleep } from '#infra/local/support/sleep.js';
import { draftSaved, loadStatuses, table as dashboardTable } from '#services/dashboard/src/adapters/projection.js';
import type { Bench } from '../context.js';
import { relayYear } from '../pairs.js';
import { groupLag } from '../pipeline.js';
import { dashboardGroup } from './setup.js';
import { draftSavedEvent, messageOf, outboxItemOf } from '../records.js';
import { now, round } from '../stats.js';
import type { Usage } from '../usage.js';

/** The consumer's side. */
export interface ConsumerSide {
  readonly produceMs: number;
  readonly appliedMs: number;
  /** Units whose status the dashboard shows afterwards (should be every event's unit). */
  readonly visible: number;
  readonly cpu: Usage;
}

/** The raw writes' side. */
export interface RawWritesSide {
  readonly writers: number;
  readonly itemsPerTransaction: number;
  readonly ms: number;
  readonly cpu: Usage;
}

/** Both sides, on `events` events each. */
export interface ConsumerApplyResult {
  readonly events: number;
  readonly consumer: ConsumerSide;
  readonly rawWrites: RawWritesSide;
}

/** How long the consumer keeps an inbox item; as `shared/kafka/consumer.ts` does. */
const inboxRetentionDays = 14;

/** Measures both sides. */
export const measureConsumerApply = async (bench: Bench): Promise<ConsumerApplyResult> => {
  const n = bench.settings.consumerEvents;
  const fresh = () => Array.from({ length: n }, () => AnnualReportDraftSavedV1.parse(draftSavedEvent(randomUUID(), relayYear)));

  const consumerStep = bench.progress.step(`dashboard consumer applies ${n} events produced to reports.events`);
  const events = fresh();
  const messages = events.map((event) => messageOf(outboxItemOf(event)));
  const producer = bench.kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  bench.defer(() => producer.disconnect());
  const mark = bench.cpu.mark();
  const start = now();
  for (let i = 0; i < n; i += bench.settings.producerBatch) {
    await producer.send({ topic: topics.reports, acks: -1, messages: messages.slice(i, i + bench.settings.producerBatch) });
  }
  const produced = now();
  bench.pipeline.caused(n);
  const deadline = produced + 300_000;
  for (let lag = Number.POSITIVE_INFINITY; lag > 0; ) {
    ({ lag } = await groupLag(bench.admin, dashboardGroup, topics.reports));
    if (lag > 0 && now() > deadline) throw new Error(`The dashboard consumer still lags ${lag} records after 300 s`);
    if (lag > 0) await sleep(25);
  }
  const applied = now();
  const consumerCpu = bench.cpu.since(mark, n);
  const statuses = await loadStatuses(relayYear);
  const visible = events.filter((e) => statuses.get(e.data.unitId) === 'draft').length;
  if (visible < n) bench.note(`consumer apply: the dashboard shows ${visible} of ${n} units after the group caught up`);
  consumerStep.done(`${round(n / ((applied - start) / 1000), 0)} events/s (${visible}/${n} visible)`);

  const writers = topicPartitions;
  const rawStep = bench.progress.step(`raw TransactWriteItems of the same items: ${n} events, ${writers} writers`);
  const rawEvents = fresh();
  const transactions = rawEvents.map((event) => [
    {
      // The inbox item the consumer writes with each event's effects.
      Put: {
        TableName: dashboardTable(),
        Item: { pk: `INBOX#${dashboardGroup}#${event.id}`, sk: 'INBOX', kind: 'inbox', expiresAt: ttlAfterDays(new Date(), inboxRetentionDays) },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    ...draftSaved(event),
  ]);
  const lanes = Array.from({ length: writers }, (_, lane) => transactions.filter((_, i) => i % writers === lane));
  const rawMark = bench.cpu.mark();
  const rawStart = now();
  await Promise.all(
    lanes.map(async (lane) => {
      for (const items of lane) await bench.doc.send(new TransactWriteCommand({ TransactItems: items }));
    }),
  );
  const rawMs = now() - rawStart;
  const rawCpu = bench.cpu.since(rawMark, n);
  rawStep.done(`${round(n / (rawMs / 1000), 0)} events/s`);

  return {
    events: n,
    consumer: { produceMs: produced - start, appliedMs: applied - start, visible, cpu: consumerCpu },
    rawWrites: { writers, itemsPerTransaction: transactions[0]?.length ?? 0, ms: rawMs, cpu: rawCpu },
  };
};
