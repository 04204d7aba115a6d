/**
 * The Kafka event source emulation on the real broker: a function that fails (a transient error)
 * gets the batch again, from the failed record, and records reach it in order, none skipped.
 */
import { Kafka, logLevel } from 'kafkajs';
import { KafkaMskEventSchema } from '@aws-lambda-powertools/parser/schemas/kafka';
import { startKafkaSources } from '../../kafkaSources.js';
import type { LocalFunction } from '../../functions.js';
import { defineService } from '#shared/manifest.js';
import { readState } from '../support/state.js';
import { eventually } from '../support/harness.js';

it('retries a failed batch from that record, keeping the order', async () => {
  // Prepare: a scratch topic posing as a service's topic, and a function that fails twice at value 3.
  const { brokers } = readState();
  const topic = `retry-${Date.now()}`;
  const kafka = new Kafka({ clientId: 'retry-test', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 1, replicationFactor: 1 }] });
  await admin.disconnect();
  const manifest = defineService({
    name: 'probe',
    produces: [],
    tables: {},
    functions: {
      consume: { entry: 'unused', description: 'test', memoryMb: 128, timeoutSeconds: 5, triggers: [{ type: 'kafka', topic: topic as never, batchSize: 2, startingPosition: 'TRIM_HORIZON' }] },
    },
  });
  const applied: number[] = [];
  let failures = 0;
  const fn: LocalFunction = {
    service: 'probe',
    name: 'consume',
    qualifiedName: `probe-consume-${topic}`,
    spec: manifest.functions.consume,
    invoke: async (event) => {
      const records = Object.values(KafkaMskEventSchema.parse(event).records).flat();
      for (const record of records) {
        const value = Number(record.value);
        if (applied.includes(value)) continue; // the inbox of a real consumer
        if (value === 3 && failures < 2) {
          failures++;
          throw new Error('DynamoDB throttled');
        }
        applied.push(value);
      }
      return {};
    },
  };
  const sources = await startKafkaSources({ brokers, services: [manifest], functions: new Map([[`probe-consume`, fn]]), log: () => undefined });
  const producer = kafka.producer();
  await producer.connect();

  // Act
  await producer.send({ topic, messages: [1, 2, 3, 4, 5, 6].map((n) => ({ key: 'unit', value: String(n) })) });

  // Assess
  await eventually(async () => (applied.length === 6 ? true : undefined), 30_000, 'all six records');
  expect(applied).toEqual([1, 2, 3, 4, 5, 6]);
  expect(failures).toBe(2);
  await producer.disconnect();
  await Promise.all(sources.map((s) => s.stop()));
});
