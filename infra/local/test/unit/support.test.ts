/**
 * The helpers the tests, the benchmark and the demo share: the bounded pool and polling.
 */
import { pool } from '../../support/pool.js';
import { eventually } from '../../support/eventually.js';
import { sleep } from '../../support/sleep.js';

describe('pool', () => {
  it('gives every result in the order of the items, whatever order the jobs end in', async () => {
    // Prepare
    const delays = [30, 0, 20, 5, 10];

    // Act
    const results = await pool(delays, 2, async (ms, index) => {
      await sleep(ms);
      return `${index}:${ms}`;
    });

    // Assess
    expect(results).toEqual(['0:30', '1:0', '2:20', '3:5', '4:10']);
  });

  it('never runs more jobs at once than asked', async () => {
    // Prepare
    let running = 0;
    let most = 0;

    // Act
    await pool(Array.from({ length: 12 }, (_, i) => i), 3, async () => {
      running++;
      most = Math.max(most, running);
      await sleep(2);
      running--;
    });

    // Assess
    expect(most).toBe(3);
  });

  it('rejects with the first failure and starts no job after it', async () => {
    // Prepare
    const started: number[] = [];

    // Act
    const outcome = pool([0, 1, 2, 3, 4, 5], 2, async (item) => {
      started.push(item);
      await sleep(1);
      if (item === 1) throw new Error('job 1 failed');
      return item;
    });

    // Assess
    await expect(outcome).rejects.toThrow('job 1 failed');
    expect(started).toEqual([0, 1, 2]);
  });

  it('refuses a concurrency below one', async () => {
    // Act
    const outcome = pool([1], 0, async (item) => item);

    // Assess
    await expect(outcome).rejects.toThrow(RangeError);
  });
});

describe('eventually', () => {
  it('gives the first value that is not undefined', async () => {
    // Prepare
    let calls = 0;

    // Act
    const value = await eventually(async () => (++calls === 3 ? 'ready' : undefined), 1_000, 'the third call', 1);

    // Assess
    expect(value).toBe('ready');
    expect(calls).toBe(3);
  });

  it('fails with what it waited for once the time is up', async () => {
    // Act
    const outcome = eventually(async () => undefined, 20, 'a value that never comes', 5);

    // Assess
    await expect(outcome).rejects.toThrow('Timed out waiting for a value that never comes');
  });
});
