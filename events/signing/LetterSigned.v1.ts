import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor, LetterRef, SignedLink } from './parts.js';

/**
 * A party signed a letter. The signature is the chain's new head, published here so that the
 * chain has a witness outside the table.
 */
export const LetterSignedData = LetterRef.extend(SignedLink.shape).extend({
  party: z.enum(['issuer', 'recipient']),
  actor: Actor,
});
export type LetterSignedData = z.infer<typeof LetterSignedData>;

export const LetterSignedV1 = eventSchema('signing.LetterSigned.v1', LetterSignedData);
export type LetterSignedV1 = z.infer<typeof LetterSignedV1>;
