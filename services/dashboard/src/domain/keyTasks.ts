/**
 * The quarterly lights of key tasks (红黄绿亮灯): a quarter's light is the last rating of that
 * quarter, in aggregate version order, so that a quarter rated again shows the new light.
 */
import type { KeyTaskRatedV1 } from '#events/index.js';
import type { Light, QuarterKey } from '../schemas.js';
import { inVersionOrder, type Versioned } from './versioned.js';

/** One rating of a quarter. */
export interface Rating {
  readonly quarter: KeyTaskRatedV1['data']['quarter'];
  readonly light: Light;
  readonly reason: string;
}

/** The quarters, in order, as answers name them. */
export const quarters: readonly QuarterKey[] = ['1', '2', '3', '4'];

/** The rating an event records, with its aggregate version. */
export const ratingOf = (event: KeyTaskRatedV1): Versioned<Rating> => ({
  aggregateVersion: event.aggregateversion,
  step: { quarter: event.data.quarter, light: event.data.light, reason: event.data.reason },
});

/** The light of each quarter rated so far and why, the last rating of a quarter winning. */
export const lightsOf = (ratings: ReadonlyArray<Versioned<Rating>>): { lights: Partial<Record<QuarterKey, Light>>; reasons: Partial<Record<QuarterKey, string>> } => {
  const lights: Partial<Record<QuarterKey, Light>> = {};
  const reasons: Partial<Record<QuarterKey, string>> = {};
  for (const { step } of inVersionOrder(ratings)) {
    const quarter = String(step.quarter) as QuarterKey;
    lights[quarter] = step.light;
    reasons[quarter] = step.reason;
  }
  return { lights, reasons };
};

/** How many tasks each quarter rated red, yellow and green. */
export const countLights = (tasks: ReadonlyArray<{ readonly lights: Partial<Record<QuarterKey, Light>> }>): Record<QuarterKey, Record<Light, number>> =>
  Object.fromEntries(
    quarters.map((q) => [
      q,
      {
        red: tasks.filter((t) => t.lights[q] === 'red').length,
        yellow: tasks.filter((t) => t.lights[q] === 'yellow').length,
        green: tasks.filter((t) => t.lights[q] === 'green').length,
      },
    ]),
  ) as Record<QuarterKey, Record<Light, number>>;
