import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';
import { DisclosureScope, PublicationIds, PublicPayload } from './parts.js';

/**
 * A named reviewer approved an item and it was published within `scope` (for `subtree`, the
 * subtree of `scopeUnitId`). `title` and `payload` are what is published, redacted: nothing else of
 * the source travels.
 */
export const ItemPublishedData = PublicationIds.extend({
  scope: DisclosureScope,
  scopeUnitId: z.string().min(1),
  title: z.string().min(1),
  payload: PublicPayload,
  publishedOn: z.iso.date(),
  actor: Actor,
});
export type ItemPublishedData = z.infer<typeof ItemPublishedData>;

export const ItemPublishedV1 = eventSchema('disclosure.ItemPublished.v1', ItemPublishedData);
export type ItemPublishedV1 = z.infer<typeof ItemPublishedV1>;
