/**
 * A probe function behind the local Kafka event source, on a scratch topic of the global setup's
 * broker: what the event source tests share. The function is handed the values of each batch's
 * records (parsed with the Powertools MSK schema, so a malformed event fails the test).
 */
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { KafkaMskEventSchema } from '@aws-lambda-powertools/parser/schemas/kafka';
import { startKafkaSources } from '../../kafkaSources.js';
import type { LocalFunction } from '../../functions.js';
import { defineService } from '#shared/manifest.js';
import { readState } from './state.js';

/** The probe, subscribed and ready. */
export interface KafkaProbe {
  /** Sends the numbers as the values of records with one key (one partition, in order). */
  send(values: readonly number[]): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts a probe on a fresh topic named after `prefix`: `handle` gets each batch's values as
 * numbers; a throw is a failed invocation.
 */
export const startKafkaProbe = async (
  prefix: string,
  trigger: { readonly batchSize: number; readonly timeoutSeconds: number },
  handle: (values: number[]) => Promise<void>,
): Promise<KafkaProbe> => {
  const { brokers } = readState();
  const topic = `${prefix}-${Date.now()}`;
  const kafka = new Kafka({ clientId: `${prefix}-test`, brokers: brokers.split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 1, replicationFactor: 1 }] });
  await admin.disconnect();
  const manifest = defineService({
    name: 'probe',
    produces: [],
    tables: {},
    functions: {
      consume: {
        entry: 'unused',
        description: 'test',
        memoryMb: 128,
        timeoutSeconds: trigger.timeoutSeconds,
        triggers: [{ type: 'kafka', topic: topic as never, batchSize: trigger.batchSize, startingPosition: 'TRIM_HORIZON' }],
      },
    },
  });
  const fn: LocalFunction = {
    service: 'probe',
    name: 'consume',
    qualifiedName: `probe-consume-${topic}`,
    spec: manifest.functions.consume,
    invoke: async (event) => {
      const values = Object.values(KafkaMskEventSchema.parse(event).records)
        .flat()
        .map((record) => Number(record.value));
      await handle(values);
      return {};
    },
  };
  const sources = await startKafkaSources({ brokers, services: [manifest], functions: new Map([['probe-consume', fn]]), log: () => undefined });
  const producer: Producer = kafka.producer();
  await producer.connect();
  return {
    send: async (values) => {
      await producer.send({ topic, messages: values.map((n) => ({ key: 'unit', value: String(n) })) });
    },
    stop: async () => {
      await producer.disconnect();
      await Promise.all(sources.map((s) => s.stop()));
    },
  };
};
