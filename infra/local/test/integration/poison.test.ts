/**
 * Records that must not stop a partition, through the local runtime on the real broker and DynamoDB
 * Local: a valid record without a key, a tombstone, a value that is not JSON and a valid record, in
 * that order on one partition of `signing.events`. The valid ones are applied by every consumer of
 * the topic, the others land in `signing.events.dlq` with their reason, and the dead-letter metric
 * counts exactly those.
 */
import { services } from '#services/index.js';
import { Kafka, logLevel, type Consumer, type IHeaders } from 'kafkajs';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { withFreshIds } from '#events/fixtures/index.js';
import { dlqTopic, topics } from '#events/topics.js';
import { metricTally, tallyKey } from '#shared/metrics.js';
import type { Runtime } from '../../runtime.js';
import type { MskEvent } from '../../events.js';
import { readState } from '../support/state.js';
import { documentClient, eventually, startTestRuntime } from '../support/harness.js';

/** Every consumer of `signing.events` in the manifests, each with its service's table. */
const consumers = services.flatMap((s) =>
  Object.entries(s.functions)
    .filter(([, fn]) => fn.triggers.some((t) => t.type === 'kafka' && t.topic === topics.signing))
    .map(([fn]) => ({ name: `${s.name}-${fn}`, service: s.name, table: s.tables.main!.name })),
);

interface DeadLetter {
  readonly partition: number;
  readonly offset: number;
  readonly key: string | null;
  readonly value: string | null;
  readonly headers: Record<string, string>;
}

const kafka = () => new Kafka({ clientId: 'poison-test', brokers: readState().brokers.split(','), logLevel: logLevel.NOTHING });
const text = (headers: IHeaders | undefined) =>
  Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name, String(Array.isArray(value) ? value[0] : value)]));
const deadLettered = (consumer: string) => metricTally()[tallyKey('ConsumerDeadLettered', { consumer, service: consumer.split('-')[0]! })] ?? 0;

let runtime: Runtime;
const handed: MskEvent[] = [];
let dlqReader: Consumer;
const dlq: DeadLetter[] = [];
/** The end of each partition of the dead-letter topic before the test produced anything. */
let startMark: Map<number, number>;

beforeAll(async () => {
  // Only the in-process tally matters here; no EMF lines in the output.
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
  // The runtime creates the topics.
  runtime = await startTestRuntime((fn, event) => {
    if (fn.spec.triggers.some((t) => t.type === 'kafka')) handed.push(structuredClone(event) as MskEvent);
  });
  const admin = kafka().admin();
  await admin.connect();
  startMark = new Map((await admin.fetchTopicOffsets(dlqTopic(topics.signing))).map((p) => [p.partition, Number(p.high)]));
  await admin.disconnect();
  dlqReader = kafka().consumer({ groupId: `poison-test-${Date.now()}`, maxWaitTimeInMs: 100 });
  await dlqReader.connect();
  await dlqReader.subscribe({ topic: dlqTopic(topics.signing), fromBeginning: true });
  await dlqReader.run({
    eachMessage: async ({ partition, message }) => {
      if (Number(message.offset) < (startMark.get(partition) ?? 0)) return;
      dlq.push({
        partition,
        offset: Number(message.offset),
        key: message.key === null ? null : message.key.toString('utf8'),
        value: message.value === null ? null : message.value.toString('utf8'),
        headers: text(message.headers),
      });
    },
  });
});

afterAll(async () => {
  await dlqReader?.disconnect();
  await runtime?.stop();
});

const unitItem = async (table: string, unitId: string) =>
  (await documentClient().send(new GetCommand({ TableName: table, Key: { pk: 'UNITS', sk: `UNIT#${unitId}` } }))).Item;

describe('a partition with poison records in the middle', () => {
  it('applies the valid records, dead-letters the tombstone and the garbage with their reason, and counts exactly those', async () => {
    // Prepare
    const suffix = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    const key = `poison-${suffix}`;
    const keyless = withFreshIds('signing.UnitRegistered.v1', `poison-keyless-${suffix}`, { name: `无键单位-${suffix}` });
    const last = withFreshIds('signing.UnitRegistered.v1', `poison-last-${suffix}`, { name: `末尾单位-${suffix}` });
    const tallyBefore = Object.fromEntries(consumers.map((c) => [c.name, deadLettered(c.name)]));
    const producer = kafka().producer();
    await producer.connect();

    // Act
    const [sent] = await producer.send({
      topic: topics.signing,
      messages: [
        { partition: 0, key: null, value: JSON.stringify(keyless) },
        { partition: 0, key, value: null },
        { partition: 0, key, value: `not json ${suffix}` },
        { partition: 0, key: last.unitid, value: JSON.stringify(last) },
      ],
    });
    await producer.disconnect();
    const base = Number(sent!.baseOffset);

    // Assess: the record after the poison is applied by both consumers, and so is the keyless one.
    for (const { table } of consumers) {
      await eventually(() => unitItem(table, last.unitid), 30_000, `${table} to apply the last record`);
      expect(await unitItem(table, keyless.unitid)).toMatchObject({ name: `无键单位-${suffix}` });
    }
    // Each consumer dead-lettered the tombstone and the garbage, nothing else of ours.
    const ours = await eventually(async () => {
      const found = dlq.filter((d) => d.key === key);
      return found.length >= 2 * consumers.length ? found : undefined;
    }, 30_000, 'the dead letters of every consumer');
    expect(consumers.length).toBeGreaterThanOrEqual(3);
    expect(ours).toHaveLength(2 * consumers.length);
    for (const { name } of consumers) {
      const mine = ours.filter((d) => d.headers['dlq-consumer'] === name).sort((a, b) => a.offset - b.offset);
      expect(mine.map((d) => ({ source: d.headers['dlq-source'], reason: d.headers['dlq-reason'], value: d.value }))).toEqual([
        { source: `${topics.signing}/0/${base + 1}`, reason: 'tombstone: the record has no value', value: null },
        { source: `${topics.signing}/0/${base + 2}`, reason: 'value is not JSON', value: `not json ${suffix}` },
      ]);
    }
    // The dead-letter metric went up by exactly the records each consumer dead-lettered since the start mark.
    for (const { name } of consumers) {
      const since = () => dlq.filter((d) => d.headers['dlq-consumer'] === name).length;
      await eventually(async () => (deadLettered(name) - tallyBefore[name]! >= since() ? true : undefined), 10_000, `the tally of ${name}`);
      expect(deadLettered(name) - tallyBefore[name]!).toBe(since());
      expect(since()).toBeGreaterThanOrEqual(2);
    }
    // The runtime handed the records as Lambda does: no key field without a key, no value field for a tombstone.
    const delivered = handed.flatMap((e) => e.records[`${topics.signing}-0`] ?? []).filter((r) => r.offset >= base && r.offset <= base + 3);
    const first = delivered.find((r) => r.offset === base)!;
    const tombstone = delivered.find((r) => r.offset === base + 1)!;
    expect(first).not.toHaveProperty('key');
    expect(tombstone).not.toHaveProperty('value');
    expect(tombstone.key).toBe(Buffer.from(key).toString('base64'));
  });
});
