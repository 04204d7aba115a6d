/**
 * The Kafka event source emulation on the real broker, with a batch that takes longer than the
 * consumer group's session timeout (10 s): the member keeps its place in the group while the
 * function works, so the batch is committed once and not handed out again.
 */
import { sleep } from '../../support/sleep.js';
import { eventually } from '../support/harness.js';
import { startKafkaProbe } from '../support/probe.js';

it('delivers a batch that takes longer than the session timeout once, and goes on with the next', async () => {
  // Prepare: a function whose first batch takes 12 s.
  const delivered: number[] = [];
  const probe = await startKafkaProbe('long', { batchSize: 10, timeoutSeconds: 60 }, async (values) => {
    if (delivered.length === 0) await sleep(12_000);
    delivered.push(...values);
  });

  // Act
  await probe.send([1, 2, 3]);
  await eventually(async () => (delivered.length >= 3 ? true : undefined), 60_000, 'the first batch');
  await probe.send([4]);
  await eventually(async () => (delivered.includes(4) ? true : undefined), 60_000, 'the next record');
  // Time for a redelivery to show, had the group lost the member.
  await sleep(3_000);

  // Assess
  expect(delivered).toEqual([1, 2, 3, 4]);
  await probe.stop();
});
