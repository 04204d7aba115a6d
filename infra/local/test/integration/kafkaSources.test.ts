/**
 * The Kafka event source emulation on the real broker: a function that fails (a transient error)
 * gets the batch again, from the failed record, and records reach it in order, none skipped.
 */
import { eventually } from '../support/harness.js';
import { startKafkaProbe } from '../support/probe.js';

it('retries a failed batch from that record, keeping the order', async () => {
  // Prepare: a function that fails twice at value 3.
  const applied: number[] = [];
  let failures = 0;
  const probe = await startKafkaProbe('retry', { batchSize: 2, timeoutSeconds: 5 }, async (values) => {
    for (const value of values) {
      if (applied.includes(value)) continue; // the inbox of a real consumer
      if (value === 3 && failures < 2) {
        failures++;
        throw new Error('DynamoDB throttled');
      }
      applied.push(value);
    }
  });

  // Act
  await probe.send([1, 2, 3, 4, 5, 6]);

  // Assess
  await eventually(async () => (applied.length === 6 ? true : undefined), 30_000, 'all six records');
  expect(applied).toEqual([1, 2, 3, 4, 5, 6]);
  expect(failures).toBe(2);
  await probe.stop();
});
