import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';
import { PersonInUnit } from './parts.js';

/** The commission accepted the written reply: the notice is closed. */
export const WarningReplyAcceptedData = z.object({
  noticeId: z.string().min(1),
  unitId: z.string().min(1),
  person: PersonInUnit,
  actor: Actor,
});
export type WarningReplyAcceptedData = z.infer<typeof WarningReplyAcceptedData>;

export const WarningReplyAcceptedV1 = eventSchema('interviews.WarningReplyAccepted.v1', WarningReplyAcceptedData);
export type WarningReplyAcceptedV1 = z.infer<typeof WarningReplyAcceptedV1>;
