/**
 * Bounded concurrency for the local runtime's tools: the test harness, the benchmark and the demo
 * data run a fixed list of jobs with a few workers at a time.
 */

/**
 * Runs `job` once for every item with at most `concurrency` running at a time (each worker takes
 * the next item when its previous one is done) and gives the results in the items' order. Rejects
 * with the first failure, once the jobs already running have settled; no new job starts after it.
 *
 * @example
 * ```ts
 * import { pool } from '#infra/local/support/pool.js';
 *
 * const lengths = await pool(['a', 'bb', 'ccc'], 2, async (text) => text.length);
 * ```
 */
export const pool = async <T, R>(
  items: readonly T[],
  concurrency: number,
  job: (item: T, index: number) => Promise<R>,
): Promise<R[]> => {
  if (!(concurrency >= 1)) throw new RangeError(`concurrency must be 1 or more, not ${concurrency}`);
  const results = new Array<R>(items.length);
  let next = 0;
  let failed: { error: unknown } | undefined;
  const worker = async () => {
    while (failed === undefined && next < items.length) {
      const index = next++;
      try {
        results[index] = await job(items[index]!, index);
      } catch (error) {
        failed ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  if (failed !== undefined) throw failed.error;
  return results;
};
