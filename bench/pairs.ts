/**
 * The submissions of the benchmark: every (unit, year) pair is submitted once, through the gateway
 * or bare. Years 2000..2099 are for submissions; 2100 is kept for the units' first drafts and the
 * relay's events.
 */

import type { Settings } from './settings.js';

/** A registered unit, a year, and a token of the unit's secretary. */
export interface Pair {
  readonly unitId: string;
  readonly year: number;
  readonly token: string;
}

/** The year of the units' first drafts and of the relay's events. */
export const relayYear = 2100;

/** Submissions the web app phase watches arrive on an open dashboard. */
export const webAppUpdates = 5;
const firstYear = 2000;
const lastYear = 2099;

/**
 * The pairs the phases take: submit latency (gateway, bare path and bare write), throughput
 * (gateway and bare) and end to end.
 */
export const pairsNeeded = (settings: Settings): number =>
  3 * (settings.latencyWarmup + settings.latencySamples) + 2 * settings.throughputCount + settings.e2eWarmup + settings.e2eSamples + webAppUpdates;

/** The years the pairs use, then the relay's: the years the units' lists are published for. */
export const yearsUsed = (settings: Settings): number[] => {
  const last = Math.min(lastYear, firstYear + Math.ceil(pairsNeeded(settings) / settings.units) - 1);
  return [...Array.from({ length: last - firstYear + 1 }, (_, i) => firstYear + i), relayYear];
};

/**
 * Hands out fresh (unit, year) pairs, unit by unit, then the next year, up to `lastListYear` (the
 * units have no lists after it).
 */
export const pairSource = (units: readonly Pair[], lastListYear = lastYear): { next(count: number): Pair[] } => {
  let index = 0;
  return {
    next: (count) =>
      Array.from({ length: count }, () => {
        const unit = units[index % units.length]!;
        const year = firstYear + Math.floor(index / units.length);
        if (year > Math.min(lastYear, lastListYear)) throw new Error(`Out of (unit, year) pairs: the phases take more than pairsNeeded() says`);
        index++;
        return { ...unit, year };
      }),
  };
};
