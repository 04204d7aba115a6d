import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';
import { ComplaintIds, ReferralKind } from './parts.js';

/** The handling body referred a complaint: to an accountability case, a talk, or another competent body. */
export const ComplaintReferredData = ComplaintIds.extend({
  to: ReferralKind,
  referredOn: z.iso.date(),
  actor: Actor,
});
export type ComplaintReferredData = z.infer<typeof ComplaintReferredData>;

export const ComplaintReferredV1 = eventSchema('disclosure.ComplaintReferred.v1', ComplaintReferredData);
export type ComplaintReferredV1 = z.infer<typeof ComplaintReferredV1>;
