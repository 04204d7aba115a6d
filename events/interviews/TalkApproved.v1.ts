import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';
import { TalkKind } from './parts.js';

/** The party secretary of the host unit approved a proposed joint talk. */
export const TalkApprovedData = z.object({
  talkId: z.string().min(1),
  kind: TalkKind,
  unitId: z.string().min(1),
  hostUnitId: z.string().min(1),
  actor: Actor,
});
export type TalkApprovedData = z.infer<typeof TalkApprovedData>;

export const TalkApprovedV1 = eventSchema('interviews.TalkApproved.v1', TalkApprovedData);
export type TalkApprovedV1 = z.infer<typeof TalkApprovedV1>;
