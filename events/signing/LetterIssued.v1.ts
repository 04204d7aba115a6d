import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor, LetterParty, LetterRef } from './parts.js';

/** A responsibility letter was issued for signing, personalised from the published lists. */
export const LetterIssuedData = LetterRef.extend({
  /** `committee`: the upper committee with the unit's committee; `member`: the secretary with a team member. */
  kind: z.enum(['committee', 'member']),
  issuer: LetterParty,
  recipient: LetterParty,
  /** The list items the letter holds, by id. */
  itemIds: z.array(z.string().min(1)).min(1),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** The earlier version this one voids, if any. */
  replacesVersion: z.number().int().positive().nullable(),
  actor: Actor,
});
export type LetterIssuedData = z.infer<typeof LetterIssuedData>;

export const LetterIssuedV1 = eventSchema('signing.LetterIssued.v1', LetterIssuedData);
export type LetterIssuedV1 = z.infer<typeof LetterIssuedV1>;
