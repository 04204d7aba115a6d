import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Channel, DeadlineRef, Recipient } from './parts.js';

/**
 * A reminder of a deadline went to its recipient. Its id is made from (recipient, deadline, offset),
 * so a rerun of the same day, or two runs at once, cannot send it twice.
 */
export const ReminderSentData = z.object({
  reminderId: z.string().min(1),
  deadline: DeadlineRef,
  /** Days before the deadline (0 on the day). */
  offsetDays: z.number().int().nonnegative(),
  recipient: Recipient,
  channels: z.array(Channel).min(1),
  /** The scheduled time of the run that sent it, China Standard Time. */
  runAt: z.iso.datetime({ offset: true }),
});
export type ReminderSentData = z.infer<typeof ReminderSentData>;

export const ReminderSentV1 = eventSchema('reports.ReminderSent.v1', ReminderSentData);
export type ReminderSentV1 = z.infer<typeof ReminderSentV1>;
