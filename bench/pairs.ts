/**
 * The submissions of the benchmark: every (unit, year) pair is submitted once, through the gateway
 * or bare. Years 2000..2099 are for submissions; 2100 is kept for the units' first drafts and the
 * relay's events.
 */

/** A registered unit, a year, and a token of the unit's secretary. */
export interface Pair {
  readonly unitId: string;
  readonly year: number;
  readonly token: string;
}

/** The year of the units' first drafts and of the relay's events. */
export const relayYear = 2100;
const firstYear = 2000;
const lastYear = 2099;

/** Hands out fresh (unit, year) pairs, unit by unit, then the next year. */
export const pairSource = (units: readonly Pair[]): { next(count: number): Pair[] } => {
  let index = 0;
  return {
    next: (count) =>
      Array.from({ length: count }, () => {
        const unit = units[index % units.length]!;
        const year = firstYear + Math.floor(index / units.length);
        if (year > lastYear) throw new Error('Out of (unit, year) pairs');
        index++;
        return { ...unit, year };
      }),
  };
};
