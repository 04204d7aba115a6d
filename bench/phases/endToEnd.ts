/**
 * Phase 6: end to end, from sending the submit until `GET /api/dashboard/annual-reports?year=Y`,
 * polled at a fixed interval, shows the unit `submitted` or `late`. Each draft is saved and seen on
 * the dashboard first.
 */
import { sleep } from '#infra/local/support/sleep.js';
import type { Bench } from '../context.js';
import type { Pair } from '../pairs.js';
import { now, round, summarise, type LatencySummary } from '../stats.js';
import { draftViaGateway, submitViaGateway } from '../submits.js';
import type { Units } from './units.js';

/** Submit → seen on the dashboard, the submit's own answer time, and the polls it took. */
export interface EndToEnd {
  readonly latency: LatencySummary;
  readonly submitResponse: LatencySummary;
  readonly meanPolls: number;
}

/** Measures on fresh pairs from `next`. */
export const measureEndToEnd = async (bench: Bench, units: Units, next: (count: number) => Pair[]): Promise<EndToEnd> => {
  const { e2eWarmup, e2eSamples, e2ePollMs } = bench.settings;
  const step = bench.progress.step(`end to end: submit → dashboard (${e2eWarmup} warm-up + ${e2eSamples})`);
  const waitForStatus = async (pair: Pair, accept: (status: string | undefined) => boolean, timeoutMs = 30_000) => {
    const start = now();
    for (let polls = 1; ; polls++) {
      const pollStart = now();
      const status = (await units.overview(pair.year)).units.find((u) => u.unitId === pair.unitId)?.status;
      if (accept(status)) return { at: now(), polls };
      if (now() - start > timeoutMs) throw new Error(`Unit ${pair.unitId} year ${pair.year} still ${status} after ${timeoutMs} ms`);
      await sleep(Math.max(0, e2ePollMs - (now() - pollStart)));
    }
  };
  const e2e: number[] = [];
  const answered: number[] = [];
  let polls = 0;
  for (const [i, pair] of next(e2eWarmup + e2eSamples).entries()) {
    await draftViaGateway(bench, pair);
    await waitForStatus(pair, (s) => s === 'draft');
    const t0 = now();
    await submitViaGateway(bench, pair);
    const answeredAt = now();
    const seen = await waitForStatus(pair, (s) => s === 'submitted' || s === 'late');
    if (i >= e2eWarmup) {
      e2e.push(seen.at - t0);
      answered.push(answeredAt - t0);
      polls += seen.polls;
    }
  }
  await bench.pipeline.drain('end to end');
  const latency = summarise(e2e);
  step.done(`p50 ${round(latency.p50)} ms, p99 ${round(latency.p99)} ms`);
  return { latency, submitResponse: summarise(answered), meanPolls: polls / Math.max(1, e2e.length) };
};
