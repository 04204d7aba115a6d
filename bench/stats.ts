/**
 * Numbers of the benchmark: percentiles of latency samples, a stopwatch and rounding.
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

/** Times one call; gives its duration in milliseconds and its result. */
export const timed = async <T>(call: () => Promise<T>): Promise<{ ms: number; value: T }> => {
  const start = now();
  const value = await call();
  return { ms: now() - start, value };
};

/** Rounds to `digits` decimals, for the printed table and the JSON file. */
export const round = (value: number, digits = 2): number => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

/** A value with its unit, as the results file gives every figure. */
export interface Figure {
  readonly value: number;
  readonly unit: string;
}

/** A rounded figure. */
export const fig = (value: number, unit: string, digits = 2): Figure => ({ value: round(value, digits), unit });

/** The figures of a latency summary, in ms. */
export const latencyFigures = (s: LatencySummary) => ({
  samples: s.samples,
  p50: fig(s.p50, 'ms'),
  p90: fig(s.p90, 'ms'),
  p99: fig(s.p99, 'ms'),
  mean: fig(s.mean, 'ms'),
  min: fig(s.min, 'ms'),
  max: fig(s.max, 'ms'),
});
