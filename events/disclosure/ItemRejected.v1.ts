import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';
import { PublicationIds } from './parts.js';

/** A named reviewer rejected a candidate: it is never published. The reason stays in the service. */
export const ItemRejectedData = PublicationIds.extend({
  rejectedOn: z.iso.date(),
  actor: Actor,
});
export type ItemRejectedData = z.infer<typeof ItemRejectedData>;

export const ItemRejectedV1 = eventSchema('disclosure.ItemRejected.v1', ItemRejectedData);
export type ItemRejectedV1 = z.infer<typeof ItemRejectedV1>;
