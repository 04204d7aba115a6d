import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor, SignedLink } from './parts.js';

/** The holder of a high-risk post signed an integrity pledge, on the same chain as letters. */
export const PledgeSignedData = SignedLink.extend({
  pledgeId: z.string().min(1),
  version: z.number().int().positive(),
  unitId: z.string().min(1),
  year: z.number().int(),
  riskPostId: z.string().min(1),
  personId: z.string().min(1),
  actor: Actor,
});
export type PledgeSignedData = z.infer<typeof PledgeSignedData>;

export const PledgeSignedV1 = eventSchema('signing.PledgeSigned.v1', PledgeSignedData);
export type PledgeSignedV1 = z.infer<typeof PledgeSignedV1>;
