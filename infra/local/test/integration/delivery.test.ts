/**
 * Delivery guarantees of the Kafka consumers, on the real broker and DynamoDB Local: a record
 * delivered twice changes the projection once; a record that fails its schema goes to the
 * dead-letter topic and the next record on the partition is still processed.
 */
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { withFreshIds } from '#events/fixtures/index.js';
import { topics, dlqTopic } from '#events/topics.js';
import { toMskEvent } from '../../events.js';
import type { Runtime } from '../../runtime.js';
import { readState } from '../support/state.js';
import { documentClient, eventually, startTestRuntime } from '../support/harness.js';

let runtime: Runtime;
const kafka = () => new Kafka({ clientId: 'delivery-test', brokers: readState().brokers.split(','), logLevel: logLevel.NOTHING });

beforeAll(async () => {
  runtime = await startTestRuntime();
});

afterAll(async () => {
  await runtime?.stop();
});

const statusItem = async (unitId: string, year: number) =>
  (await documentClient().send(new GetCommand({ TableName: 'dashboard', Key: { pk: `ANNUAL_REPORTS#${year}`, sk: `UNIT#${unitId}` } }))).Item;

describe('the idempotent consumer', () => {
  it('changes the projection once when the same record is delivered twice', async () => {
    // Prepare
    const unitId = `dup-${Date.now()}`;
    const event = withFreshIds('reports.AnnualReportSubmitted.v1', unitId);
    const msk = toMskEvent(
      [{ topic: topics.reports, partition: 0, offset: '41', timestamp: String(Date.now()), key: Buffer.from(unitId), value: Buffer.from(JSON.stringify(event)) }],
      readState().brokers,
    );
    const consumer = runtime.functions.get('dashboard-onReportsEvents')!;

    // Act
    const first = (await consumer.invoke(msk)) as { outcomes: Record<string, number> };
    const second = (await consumer.invoke(structuredClone(msk))) as { outcomes: Record<string, number> };

    // Assess
    expect(first.outcomes).toMatchObject({ applied: 1, duplicate: 0 });
    expect(second.outcomes).toMatchObject({ applied: 0, duplicate: 1 });
    expect(await statusItem(unitId, 2026)).toMatchObject({ status: 'submitted', submittedEvents: 1 });
  });
});

describe('the dead-letter topic', () => {
  let dlqConsumer: Consumer;
  const deadLettered: Array<{ key: string; value: string; reason: string }> = [];

  beforeAll(async () => {
    dlqConsumer = kafka().consumer({ groupId: `dlq-test-${Date.now()}`, maxWaitTimeInMs: 100 });
    await dlqConsumer.connect();
    await dlqConsumer.subscribe({ topic: dlqTopic(topics.reports), fromBeginning: true });
    await dlqConsumer.run({
      eachMessage: async ({ message }) => {
        deadLettered.push({ key: String(message.key), value: String(message.value), reason: String(message.headers?.['dlq-reason'] ?? '') });
      },
    });
  });

  afterAll(async () => {
    await dlqConsumer?.disconnect();
  });

  it('takes a record that fails its schema, and the partition moves on', async () => {
    // Prepare: both records have the same key, so they land on the same partition, bad one first.
    const unitId = `dlq-${Date.now()}`;
    const bad = withFreshIds('reports.AnnualReportSubmitted.v1', unitId, { year: 2026, late: 'not a boolean' });
    const good = withFreshIds('reports.AnnualReportSubmitted.v1', unitId, { year: 2027 });
    const producer = kafka().producer();
    await producer.connect();

    // Act
    await producer.send({
      topic: topics.reports,
      messages: [
        { key: unitId, value: JSON.stringify(bad) },
        { key: unitId, value: JSON.stringify(good) },
      ],
    });
    await producer.disconnect();

    // Assess
    const dead = await eventually(async () => deadLettered.find((d) => d.key === unitId), 30_000, 'the bad record in the DLQ');
    expect(JSON.parse(dead.value)).toEqual(bad);
    expect(dead.reason).toContain('late');
    await eventually(async () => ((await statusItem(unitId, 2027))?.status === 'submitted' ? true : undefined), 30_000, 'the next record applied');
    expect(await statusItem(unitId, 2026)).toBeUndefined();
  });
});
