import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';

/**
 * A date of the deadline calendar moved: for a year and every unit (the Spring Festival covers 31
 * January, say), or for one unit (a reopened report). The next reminder run takes it into account.
 */
export const DeadlineCalendarChangedData = z.object({
  year: z.number().int(),
  kind: z.enum(['annualReport', 'hearing']),
  /** The unit the change is for; null for every unit. */
  unitId: z.string().min(1).nullable(),
  dueAt: z.iso.datetime({ offset: true }),
  previousDueAt: z.iso.datetime({ offset: true }),
  reason: z.string().min(1),
  actor: Actor,
});
export type DeadlineCalendarChangedData = z.infer<typeof DeadlineCalendarChangedData>;

export const DeadlineCalendarChangedV1 = eventSchema('reports.DeadlineCalendarChanged.v1', DeadlineCalendarChangedData);
export type DeadlineCalendarChangedV1 = z.infer<typeof DeadlineCalendarChangedV1>;
