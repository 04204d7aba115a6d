import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';
import { PersonInUnit } from './parts.js';

/** The commission returned the written reply: the person replies again by a new deadline. */
export const WarningReplyReturnedData = z.object({
  noticeId: z.string().min(1),
  unitId: z.string().min(1),
  person: PersonInUnit,
  replyDueAt: z.iso.datetime({ offset: true }),
  actor: Actor,
});
export type WarningReplyReturnedData = z.infer<typeof WarningReplyReturnedData>;

export const WarningReplyReturnedV1 = eventSchema('interviews.WarningReplyReturned.v1', WarningReplyReturnedData);
export type WarningReplyReturnedV1 = z.infer<typeof WarningReplyReturnedV1>;
