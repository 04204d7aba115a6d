import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor, PersonRef } from '../people.js';

/** The commission scheduled a hearing of a subordinate unit's secretary (by 31 March). */
export const HearingScheduledData = z.object({
  hearingId: z.string().min(1),
  /** The unit heard. */
  unitId: z.string().min(1),
  year: z.number().int(),
  /** The commission's unit that holds the hearing. */
  commissionUnitId: z.string().min(1),
  secretary: PersonRef,
  scheduledAt: z.iso.datetime({ offset: true }),
  actor: Actor,
});
export type HearingScheduledData = z.infer<typeof HearingScheduledData>;

export const HearingScheduledV1 = eventSchema('reports.HearingScheduled.v1', HearingScheduledData);
export type HearingScheduledV1 = z.infer<typeof HearingScheduledV1>;
