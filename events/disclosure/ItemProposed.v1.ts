import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { DisclosureScope, PublicationIds } from './parts.js';

/**
 * An event of another service became a candidate for publication, for the reviewing unit's
 * discipline body to approve or reject. `source` names the event it was made from.
 */
export const ItemProposedData = PublicationIds.extend({
  reviewUnitId: z.string().min(1),
  scope: DisclosureScope,
  source: z.object({ type: z.string().min(1), id: z.string().min(1) }),
  proposedOn: z.iso.date(),
});
export type ItemProposedData = z.infer<typeof ItemProposedData>;

export const ItemProposedV1 = eventSchema('disclosure.ItemProposed.v1', ItemProposedData);
export type ItemProposedV1 = z.infer<typeof ItemProposedV1>;
