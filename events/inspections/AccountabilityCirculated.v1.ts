import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';

/**
 * A unit's commission circulated (通报) the accountability work of a quarter in its subtree: counts
 * by kind and grade, and the typical cases marked for publication.
 */
export const AccountabilityCirculatedData = z.object({
  circulationId: z.string().min(1),
  unitId: z.string().min(1),
  year: z.number().int(),
  quarter: z.number().int().min(1).max(4),
  casesOpened: z.number().int().nonnegative(),
  doubleInquiries: z.number().int().nonnegative(),
  measuresByGrade: z.object({ criticism: z.number().int().nonnegative(), admonishment: z.number().int().nonnegative(), organisational: z.number().int().nonnegative(), disciplinary: z.number().int().nonnegative() }),
  typicalCaseIds: z.array(z.string().min(1)),
  actor: Actor,
});
export type AccountabilityCirculatedData = z.infer<typeof AccountabilityCirculatedData>;

export const AccountabilityCirculatedV1 = eventSchema('inspections.AccountabilityCirculated.v1', AccountabilityCirculatedData);
export type AccountabilityCirculatedV1 = z.infer<typeof AccountabilityCirculatedV1>;
