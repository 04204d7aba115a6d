/**
 * The Kafka event source emulation on the real broker, with a batch that takes longer than the
 * consumer group's session timeout (10 s): the member keeps its place in the group while the
 * function works, so the batch is committed once and not handed out again.
 */
import { Kafka, logLevel } from 'kafkajs';
import { KafkaMskEventSchema } from '@aws-lambda-powertools/parser/schemas/kafka';
import { startKafkaSources } from '../../kafkaSources.js';
import type { LocalFunction } from '../../functions.js';
import { defineService } from '#shared/manifest.js';
import { sleep } from '../../support/sleep.js';
import { readState } from '../support/state.js';
import { eventually } from '../support/harness.js';

it('delivers a batch that takes longer than the session timeout once, and goes on with the next', async () => {
  // Prepare: a scratch topic posing as a service's topic, and a function whose first batch takes 12 s.
  const { brokers } = readState();
  const topic = `long-${Date.now()}`;
  const kafka = new Kafka({ clientId: 'long-batch-test', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 1, replicationFactor: 1 }] });
  await admin.disconnect();
  const manifest = defineService({
    name: 'probe',
    produces: [],
    tables: {},
    functions: {
      consume: { entry: 'unused', description: 'test', memoryMb: 128, timeoutSeconds: 60, triggers: [{ type: 'kafka', topic: topic as never, batchSize: 10, startingPosition: 'TRIM_HORIZON' }] },
    },
  });
  const delivered: number[] = [];
  const fn: LocalFunction = {
    service: 'probe',
    name: 'consume',
    qualifiedName: `probe-consume-${topic}`,
    spec: manifest.functions.consume,
    invoke: async (event) => {
      const values = Object.values(KafkaMskEventSchema.parse(event).records)
        .flat()
        .map((record) => Number(record.value));
      if (delivered.length === 0) await sleep(12_000);
      delivered.push(...values);
      return {};
    },
  };
  const sources = await startKafkaSources({ brokers, services: [manifest], functions: new Map([['probe-consume', fn]]), log: () => undefined });
  const producer = kafka.producer();
  await producer.connect();

  // Act
  await producer.send({ topic, messages: [1, 2, 3].map((n) => ({ key: 'unit', value: String(n) })) });
  await eventually(async () => (delivered.length >= 3 ? true : undefined), 60_000, 'the first batch');
  await producer.send({ topic, messages: [{ key: 'unit', value: '4' }] });
  await eventually(async () => (delivered.includes(4) ? true : undefined), 60_000, 'the next record');
  // Time for a redelivery to show, had the group lost the member.
  await sleep(3_000);

  // Assess
  expect(delivered).toEqual([1, 2, 3, 4]);
  await producer.disconnect();
  await Promise.all(sources.map((s) => s.stop()));
});
