/**
 * Fakes for unit tests of pure logic: a producer port that keeps what it is given, and the metrics
 * tally set up per test. Kafka and DynamoDB themselves are only ever real in integration tests.
 */
import type { OutgoingRecord, ProducerPort } from '#shared/kafka/producer.js';
import { resetMetricTally } from '#shared/metrics.js';

/** A producer port that keeps each request, or refuses every topic while `failing` is set and those in `failingTopics`. */
export class FakeProducer implements ProducerPort {
  readonly requests: Array<{ topic: string; records: readonly OutgoingRecord[] }> = [];
  readonly failingTopics = new Set<string>();
  failing = false;

  async send(topic: string, records: readonly OutgoingRecord[]): Promise<void> {
    if (this.failing) throw new Error('The broker is not reachable');
    if (this.failingTopics.has(topic)) throw new Error(`Topic ${topic} is not available`);
    this.requests.push({ topic, records });
  }

  async disconnect(): Promise<void> {}

  /** Every record sent, one by one, with its topic. */
  get sent(): Array<{ topic: string; record: OutgoingRecord }> {
    return this.requests.flatMap(({ topic, records }) => records.map((record) => ({ topic, record })));
  }
}

/** Counts metrics in the process only (no EMF output), from zero in every test of the file. */
export const countMetricsPerTest = (): void => {
  beforeEach(() => {
    process.env.POWERTOOLS_METRICS_DISABLED = 'true';
    resetMetricTally();
  });
  afterAll(() => {
    delete process.env.POWERTOOLS_METRICS_DISABLED;
    resetMetricTally();
  });
};
