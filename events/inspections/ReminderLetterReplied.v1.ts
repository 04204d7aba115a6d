import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';

/**
 * The unit replied to a rectification reminder letter.
 */
export const ReminderLetterRepliedData = z.object({
  letterId: z.string().min(1),
  patrolId: z.string().min(1),
  unitId: z.string().min(1),
  onTime: z.boolean(),
  actor: Actor,
});
export type ReminderLetterRepliedData = z.infer<typeof ReminderLetterRepliedData>;

export const ReminderLetterRepliedV1 = eventSchema('inspections.ReminderLetterReplied.v1', ReminderLetterRepliedData);
export type ReminderLetterRepliedV1 = z.infer<typeof ReminderLetterRepliedV1>;
