import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor, PersonRef } from '../people.js';

/**
 * An admonishment talk (诫勉谈话) is proposed for the head of a unit ranked among the lowest of its
 * category (the number is configuration): its party secretary in post, named so that the interviews
 * service suggests the talk without calling back; null when the unit has none in post.
 */
export const AdmonishmentProposedData = z.object({
  assessmentId: z.string().min(1),
  unitId: z.string().min(1),
  year: z.number().int(),
  rank: z.number().int().positive(),
  head: PersonRef.nullable(),
  actor: Actor,
});
export type AdmonishmentProposedData = z.infer<typeof AdmonishmentProposedData>;

export const AdmonishmentProposedV1 = eventSchema('inspections.AdmonishmentProposed.v1', AdmonishmentProposedData);
export type AdmonishmentProposedV1 = z.infer<typeof AdmonishmentProposedV1>;
