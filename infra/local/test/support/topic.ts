/**
 * Everything a topic carries from its start, read by a fresh consumer group: for tests that check
 * what a service published.
 */
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { readState } from './state.js';

/** A running recorder of a topic's values that are JSON objects (events), parsed. */
export interface TopicRecorder {
  /** Every value received so far. */
  values(): ReadonlyArray<Record<string, unknown>>;
  stop(): Promise<void>;
}

/** Starts recording `topic` from its beginning. */
export const recordTopic = async (topic: string): Promise<TopicRecorder> => {
  const kafka = new Kafka({ clientId: 'topic-recorder', brokers: readState().brokers.split(','), logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `recorder-${randomUUID()}`, maxWaitTimeInMs: 100 });
  const values: Array<Record<string, unknown>> = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      // Other tests put tombstones and poison records on the same topics: keep only JSON objects.
      try {
        const value: unknown = message.value === null ? null : JSON.parse(message.value.toString('utf8'));
        if (value !== null && typeof value === 'object') values.push(value as Record<string, unknown>);
      } catch {
        // not JSON
      }
    },
  });
  return { values: () => values, stop: () => consumer.disconnect() };
};
