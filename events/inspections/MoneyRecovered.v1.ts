import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';

/**
 * Money was recovered against an integrity situation report; `recoveredFen` is the total so far,
 * never more than was at stake.
 */
export const MoneyRecoveredData = z.object({
  reportId: z.string().min(1),
  unitId: z.string().min(1),
  concernedUnitId: z.string().min(1),
  amountFen: z.number().int().positive(),
  recoveredFen: z.number().int().positive(),
  atStakeFen: z.number().int().nonnegative(),
  actor: Actor,
});
export type MoneyRecoveredData = z.infer<typeof MoneyRecoveredData>;

export const MoneyRecoveredV1 = eventSchema('inspections.MoneyRecovered.v1', MoneyRecoveredData);
export type MoneyRecoveredV1 = z.infer<typeof MoneyRecoveredV1>;
