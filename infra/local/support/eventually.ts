/**
 * Polling until something holds, for the local runtime's tools: the test harness, the benchmark and
 * the demo data wait for what the asynchronous parts of the system (relay, consumers) have done.
 */
import { sleep } from './sleep.js';

/**
 * Calls `check` until it gives a value other than `undefined` and gives that value; fails with
 * "Timed out waiting for `what`" after `timeoutMs`. Checks are `intervalMs` apart.
 *
 * @example
 * ```ts
 * import { eventually } from '#infra/local/support/eventually.js';
 *
 * const started = Date.now();
 * const waited = await eventually(async () => (Date.now() - started > 20 ? Date.now() - started : undefined), 1_000, '20 ms');
 * ```
 */
export const eventually = async <T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 30_000,
  what = 'condition',
  intervalMs = 50,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(intervalMs);
  }
};
