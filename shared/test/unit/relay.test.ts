/**
 * The outbox relay on a DynamoDB Streams sample event (shared/test/events/aws/), with a fake
 * producer port.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { jest } from '@jest/globals';
import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBStreamSchema } from '@aws-lambda-powertools/parser/schemas/dynamodb';
import { relayHandler } from '../../outbox/relay.js';
import { countMetricsPerTest, FakeProducer } from '../support/fakes.js';
import { metricTally, tallyKey } from '../../metrics.js';

const streamEvent = (): DynamoDBStreamEvent =>
  JSON.parse(
    readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../events/aws/ddb-stream-outbox-insert-and-ttl-remove.json'), 'utf8'),
  ) as DynamoDBStreamEvent;

/** The outbox items of the sample's INSERTs, in stream order: `[sequence, topic, event]`. */
const outboxInserts = (event: DynamoDBStreamEvent) =>
  event.Records.filter((r) => r.eventName === 'INSERT' && r.dynamodb?.NewImage?.kind?.S === 'outbox').map(
    (r) => [r.dynamodb!.SequenceNumber!, r.dynamodb!.NewImage!.topic!.S!, r.dynamodb!.NewImage!.event!.S!] as const,
  );


const relayed = (topic: string) => metricTally()[tallyKey('RecordsRelayed', { service: topic.split('.')[0]!, topic })] ?? 0;

countMetricsPerTest();

describe('the outbox relay on a Streams sample event', () => {
  it('is given an event the Powertools schema accepts, TTL delete included', () => {
    // Act
    const parsed = DynamoDBStreamSchema.safeParse(streamEvent());

    // Assess
    expect(parsed.error).toBeUndefined();
    expect(parsed.data?.Records.map((r) => r.eventName)).toEqual(['INSERT', 'INSERT', 'MODIFY', 'REMOVE', 'INSERT', 'INSERT', 'INSERT']);
    expect(parsed.data?.Records[3]?.userIdentity).toEqual({ type: 'Service', principalId: 'dynamodb.amazonaws.com' });
  });

  it('publishes the outbox inserts in stream order, one request per run of a topic, and skips the rest', async () => {
    // Prepare
    const event = streamEvent();
    const [a, b, c, d] = outboxInserts(event);
    const producer = new FakeProducer();
    const handler = relayHandler(producer, new Logger({ serviceName: 'signing', logLevel: 'SILENT' }));

    // Act
    const result = await handler(event);

    // Assess
    expect(result).toEqual({ batchItemFailures: [] });
    expect(producer.requests.map(({ topic, records }) => [topic, records.map((r) => r.value)])).toEqual([
      ['signing.events', [a![2], b![2]]],
      ['reports.events', [c![2]]],
      ['signing.events', [d![2]]],
    ]);
    const first = producer.requests[0]!.records[0]!;
    const envelope = JSON.parse(String(first.value)) as { unitid: string; type: string };
    expect(first).toEqual({ key: envelope.unitid, value: a![2], headers: { 'content-type': 'application/cloudevents+json', 'ce-type': envelope.type } });
    expect(relayed('signing.events')).toBe(3);
    expect(relayed('reports.events')).toBe(1);
  });

  it('reports the first unpublished record when a topic refuses, publishes nothing after it, and a retry from there publishes the rest in order', async () => {
    // Prepare
    const event = streamEvent();
    const [a, b, c, d] = outboxInserts(event);
    const producer = new FakeProducer();
    producer.failingTopics.add('reports.events');
    const lines: string[] = [];
    const handler = relayHandler(producer, new Logger({ serviceName: 'signing', logLevel: 'WARN' }));
    const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => (lines.push(String(chunk)), true));
    const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => (lines.push(String(chunk)), true));

    // Act
    const failed = await handler(event).finally(() => {
      out.mockRestore();
      err.mockRestore();
    });
    producer.failingTopics.clear();
    const fromFailure = { Records: event.Records.filter((r) => BigInt(r.dynamodb!.SequenceNumber!) >= BigInt(c![0])) };
    const retried = await handler(fromFailure);

    // Assess
    expect(failed).toEqual({ batchItemFailures: [{ itemIdentifier: c![0] }] });
    expect(retried).toEqual({ batchItemFailures: [] });
    expect(producer.requests.map(({ topic, records }) => [topic, records.map((r) => r.value)])).toEqual([
      ['signing.events', [a![2], b![2]]],
      ['reports.events', [c![2]]],
      ['signing.events', [d![2]]],
    ]);
    expect(metricTally()[tallyKey('RelayFailures', { service: 'reports', topic: 'reports.events' })]).toBe(1);
    const warning = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.message === 'Publishing failed; the batch will be retried from this record');
    expect(warning).toMatchObject({ sequence: c![0], topic: 'reports.events', correlationid: (JSON.parse(c![2]) as { correlationid: string }).correlationid });
  });
});
