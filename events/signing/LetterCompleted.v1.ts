import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor, LetterRef } from './parts.js';

/** Both parties have signed a letter. */
export const LetterCompletedData = LetterRef.extend({
  kind: z.enum(['committee', 'member']),
  completedAt: z.iso.datetime({ offset: true }),
  actor: Actor,
});
export type LetterCompletedData = z.infer<typeof LetterCompletedData>;

export const LetterCompletedV1 = eventSchema('signing.LetterCompleted.v1', LetterCompletedData);
export type LetterCompletedV1 = z.infer<typeof LetterCompletedV1>;
