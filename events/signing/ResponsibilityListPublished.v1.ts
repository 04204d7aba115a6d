import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor, ListSubject, ListItem } from './parts.js';

/**
 * A responsibility list was published, frozen as this version; a change is a later version.
 * Item ids stay the same across versions, so report sections can answer them.
 */
export const ResponsibilityListPublishedData = z.object({
  listId: z.string().min(1),
  unitId: z.string().min(1),
  year: z.number().int(),
  subject: ListSubject,
  /** The post the list is for: the secretary's, a team member's; null for the committee and the commission. */
  postId: z.string().min(1).nullable(),
  personId: z.string().min(1).nullable(),
  version: z.number().int().positive(),
  items: z.array(ListItem).min(1),
  actor: Actor,
});
export type ResponsibilityListPublishedData = z.infer<typeof ResponsibilityListPublishedData>;

export const ResponsibilityListPublishedV1 = eventSchema('signing.ResponsibilityListPublished.v1', ResponsibilityListPublishedData);
export type ResponsibilityListPublishedV1 = z.infer<typeof ResponsibilityListPublishedV1>;
