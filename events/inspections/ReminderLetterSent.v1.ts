import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';

/**
 * A rectification reminder letter (整改提醒函) went to a covered unit about findings of a patrol; a
 * written reply is due by `replyDueDate`.
 */
export const ReminderLetterSentData = z.object({
  letterId: z.string().min(1),
  patrolId: z.string().min(1),
  unitId: z.string().min(1),
  findingIds: z.array(z.string().min(1)).min(1),
  replyDueDate: z.iso.date(),
  actor: Actor,
});
export type ReminderLetterSentData = z.infer<typeof ReminderLetterSentData>;

export const ReminderLetterSentV1 = eventSchema('inspections.ReminderLetterSent.v1', ReminderLetterSentData);
export type ReminderLetterSentV1 = z.infer<typeof ReminderLetterSentV1>;
