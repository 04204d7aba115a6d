/**
 * Small helpers of the benchmark: percentiles of latency samples, a stopwatch, sleeping, and
 * running a fixed list of jobs with a bounded number of concurrent workers.
 */
import { performance } from 'node:perf_hooks';

/** Summary of a list of durations in milliseconds. */
export interface LatencySummary {
  readonly samples: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly mean: number;
  readonly min: number;
  readonly max: number;
}

/** The `p`-th percentile (0–100) of sorted values, nearest-rank method. */
export const percentile = (sorted: readonly number[], p: number): number => {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
};

/** p50, p90, p99, mean, min and max of durations in milliseconds. */
export const summarise = (values: readonly number[]): LatencySummary => {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    samples: sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    mean: sorted.reduce((s, v) => s + v, 0) / Math.max(1, sorted.length),
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
};

/** Milliseconds since an arbitrary origin, with sub-millisecond resolution. */
export const now = (): number => performance.now();

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Times one call; gives its duration in milliseconds and its result. */
export const timed = async <T>(call: () => Promise<T>): Promise<{ ms: number; value: T }> => {
  const start = now();
  const value = await call();
  return { ms: now() - start, value };
};

/**
 * Runs `job` once for every item with at most `concurrency` running at a time (each worker takes
 * the next item when its previous one is done); rejects on the first failure.
 */
export const pool = async <T, R>(items: readonly T[], concurrency: number, job: (item: T, index: number) => Promise<R>): Promise<R[]> => {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  let failed: unknown;
  const worker = async () => {
    while (failed === undefined && next < items.length) {
      const index = next++;
      try {
        results[index] = await job(items[index]!, index);
      } catch (error) {
        failed ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  if (failed !== undefined) throw failed;
  return results;
};

/** Rounds to `digits` decimals, for the printed table and the JSON file. */
export const round = (value: number, digits = 2): number => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};
