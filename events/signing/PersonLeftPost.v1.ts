import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor, PostRef } from './parts.js';

/** A person left a post on `endDate`; the post's history keeps them. */
export const PersonLeftPostData = PostRef.extend({
  endDate: z.iso.date(),
  actor: Actor,
});
export type PersonLeftPostData = z.infer<typeof PersonLeftPostData>;

export const PersonLeftPostV1 = eventSchema('signing.PersonLeftPost.v1', PersonLeftPostData);
export type PersonLeftPostV1 = z.infer<typeof PersonLeftPostV1>;
