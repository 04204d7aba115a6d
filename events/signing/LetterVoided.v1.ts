import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor, LetterRef } from './parts.js';

/** An unsigned letter was voided, by a new version or withdrawn. */
export const LetterVoidedData = LetterRef.extend({
  reason: z.string().min(1),
  replacedByVersion: z.number().int().positive().nullable(),
  actor: Actor,
});
export type LetterVoidedData = z.infer<typeof LetterVoidedData>;

export const LetterVoidedV1 = eventSchema('signing.LetterVoided.v1', LetterVoidedData);
export type LetterVoidedV1 = z.infer<typeof LetterVoidedV1>;
