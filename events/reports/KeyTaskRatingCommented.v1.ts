import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { KeyTaskRef, Quarter } from './parts.js';
import { Actor, PersonRef } from '../people.js';

/** A commission member commented on a quarter's light of a key task (委员点评). */
export const KeyTaskRatingCommentedData = KeyTaskRef.extend({
  quarter: Quarter,
  member: PersonRef,
  text: z.string().min(1),
  actor: Actor,
});
export type KeyTaskRatingCommentedData = z.infer<typeof KeyTaskRatingCommentedData>;

export const KeyTaskRatingCommentedV1 = eventSchema('reports.KeyTaskRatingCommented.v1', KeyTaskRatingCommentedData);
export type KeyTaskRatingCommentedV1 = z.infer<typeof KeyTaskRatingCommentedV1>;
