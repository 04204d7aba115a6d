import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';
import { PersonInUnit } from './parts.js';

/** The person warned replied in writing; the deadline's reminders stop. */
export const WarningReplyReceivedData = z.object({
  noticeId: z.string().min(1),
  unitId: z.string().min(1),
  person: PersonInUnit,
  /** Whether the reply came by the deadline. */
  onTime: z.boolean(),
  actor: Actor,
});
export type WarningReplyReceivedData = z.infer<typeof WarningReplyReceivedData>;

export const WarningReplyReceivedV1 = eventSchema('interviews.WarningReplyReceived.v1', WarningReplyReceivedData);
export type WarningReplyReceivedV1 = z.infer<typeof WarningReplyReceivedV1>;
