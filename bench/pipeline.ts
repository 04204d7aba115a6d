/**
 * The asynchronous pipeline behind a submit, as the benchmark waits for it: the records it caused
 * on `reports.events` are published (by the relay) and the dashboard consumer has committed past
 * all of them. Each phase drains before it ends, so that its background work does not fall into
 * the next phase's timed part.
 */
import type { Admin } from 'kafkajs';
import { topics } from '#events/topics.js';
import { sleep } from '#infra/local/support/sleep.js';
import { now } from './stats.js';

/** Counts what the benchmark caused and waits for it to be done. */
export interface Pipeline {
  /** `records` more records on `reports.events` are to be expected. */
  caused(records: number): void;
  /**
   * Waits until every caused record is published and the consumer group `group` has no lag on
   * `reports.events`; gives the time waited in ms. After `timeoutMs` it notes what was left and
   * returns anyway.
   */
  drain(what: string, timeoutMs?: number): Promise<number>;
}

/** Sum of the committed offsets of `groupId` on `topic`, and its lag against the end offsets. */
export const groupLag = async (admin: Admin, groupId: string, topic: string): Promise<{ end: number; lag: number }> => {
  const [ends, [committed]] = await Promise.all([admin.fetchTopicOffsets(topic), admin.fetchOffsets({ groupId, topics: [topic] })]);
  let end = 0;
  let lag = 0;
  for (const p of ends) {
    const offset = Number(committed?.partitions.find((x) => x.partition === p.partition)?.offset ?? -1);
    end += Number(p.high);
    lag += Number(p.high) - (offset < 0 ? Number(p.low) : offset);
  }
  return { end, lag };
};

/** The pipeline of `reports.events` as consumed by `group`; `note` gets the drains that timed out. */
export const pipeline = async (admin: Admin, group: string, note: (text: string) => void): Promise<Pipeline> => {
  const base = (await admin.fetchTopicOffsets(topics.reports)).reduce((s, p) => s + Number(p.high), 0);
  let expected = 0;
  return {
    caused: (records) => {
      expected += records;
    },
    drain: async (what, timeoutMs = 90_000) => {
      const start = now();
      for (;;) {
        const { end, lag } = await groupLag(admin, group, topics.reports);
        const published = end - base;
        if (published >= expected && lag === 0) return now() - start;
        if (now() - start > timeoutMs) {
          note(`drain after ${what} timed out: ${published}/${expected} published, ${group} lag ${lag}`);
          return now() - start;
        }
        await sleep(100);
      }
    },
  };
};
