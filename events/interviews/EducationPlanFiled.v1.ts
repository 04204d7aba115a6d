import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';

/** A unit filed its annual integrity-education plan with the commission (a later filing replaces it). */
export const EducationPlanFiledData = z.object({
  planId: z.string().min(1),
  unitId: z.string().min(1),
  year: z.number().int(),
  /** The commission it is filed with: the discipline body of the unit's upper level. */
  commissionUnitId: z.string().min(1),
  sessionsPlanned: z.number().int().nonnegative(),
  actor: Actor,
});
export type EducationPlanFiledData = z.infer<typeof EducationPlanFiledData>;

export const EducationPlanFiledV1 = eventSchema('interviews.EducationPlanFiled.v1', EducationPlanFiledData);
export type EducationPlanFiledV1 = z.infer<typeof EducationPlanFiledV1>;
