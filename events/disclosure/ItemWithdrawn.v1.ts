import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';
import { DisclosureScope, PublicationIds } from './parts.js';

/**
 * A published item was withdrawn: it left every endpoint that showed it in the same write. The
 * reason stays in the service.
 */
export const ItemWithdrawnData = PublicationIds.extend({
  scope: DisclosureScope,
  withdrawnOn: z.iso.date(),
  actor: Actor,
});
export type ItemWithdrawnData = z.infer<typeof ItemWithdrawnData>;

export const ItemWithdrawnV1 = eventSchema('disclosure.ItemWithdrawn.v1', ItemWithdrawnData);
export type ItemWithdrawnV1 = z.infer<typeof ItemWithdrawnV1>;
