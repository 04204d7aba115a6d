import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';
import { PersonInUnit, TalkKind } from './parts.js';

/** A person talked to stated their position (表态); the words stay in the record. */
export const PositionStatedData = z.object({
  talkId: z.string().min(1),
  kind: TalkKind,
  unitId: z.string().min(1),
  person: PersonInUnit,
  actor: Actor,
});
export type PositionStatedData = z.infer<typeof PositionStatedData>;

export const PositionStatedV1 = eventSchema('interviews.PositionStated.v1', PositionStatedData);
export type PositionStatedV1 = z.infer<typeof PositionStatedV1>;
