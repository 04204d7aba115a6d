/**
 * A fresh consumer group that counts the records it was told to expect, by CloudEvent id: the
 * receiving end of the relay and bare-producer measurements.
 */
import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { sleep } from '#infra/local/support/sleep.js';
import { now } from './stats.js';

/** The counting consumer, joined and fetching. */
export interface CountingConsumer {
  /** Adds ids to wait for. */
  expect(ids: Iterable<string>): void;
  /** Resolves with the time (`now()`) the last expected record arrived; rejects after `timeoutMs`. */
  all(timeoutMs: number): Promise<number>;
  /** When the first expected record arrived (`now()`), NaN before. */
  firstAt(): number;
  stop(): Promise<void>;
}

/** Joins a fresh group on `topic`; `defer` gets its disconnect. */
export const countingConsumer = async (
  kafka: Kafka,
  topic: string,
  fromBeginning: boolean,
  defer: (close: () => Promise<unknown>) => void,
): Promise<CountingConsumer> => {
  const consumer = kafka.consumer({ groupId: `bench-${randomUUID()}`, maxWaitTimeInMs: 100, sessionTimeout: 30_000 });
  defer(() => consumer.disconnect());
  const expected = new Set<string>();
  let received = 0;
  let firstAt = Number.NaN;
  let waiter: (() => void) | undefined;
  const joined = new Promise<void>((r) => consumer.on(consumer.events.GROUP_JOIN, () => r()));
  const fetched = new Promise<void>((r) => consumer.on(consumer.events.FETCH, () => r()));
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning });
  await consumer.run({
    eachBatch: async ({ batch }) => {
      for (const m of batch.messages) {
        const id = (JSON.parse(m.value?.toString('utf8') ?? '{}') as { id?: string }).id;
        if (id && expected.delete(id)) {
          received++;
          if (Number.isNaN(firstAt)) firstAt = now();
        }
      }
      if (expected.size === 0) waiter?.();
    },
  });
  await Promise.race([
    Promise.all([joined, fetched]),
    sleep(30_000).then(() => {
      throw new Error(`The consumer of ${topic} did not join`);
    }),
  ]);
  return {
    expect: (ids) => {
      for (const id of ids) expected.add(id);
    },
    all: (timeoutMs) =>
      new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${topic}: ${received} received, ${expected.size} missing after ${timeoutMs} ms`)), timeoutMs);
        waiter = () => {
          clearTimeout(timer);
          resolve(now());
        };
        if (expected.size === 0) waiter();
      }),
    firstAt: () => firstAt,
    stop: () => consumer.disconnect(),
  };
};
