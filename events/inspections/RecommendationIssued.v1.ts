import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';
import { PersonInUnit } from './parts.js';

/**
 * A supervision recommendation letter (纪检监察建议书) went to a responsible unit, copied to the
 * leader in charge; a written reply is due by `replyDueDate`.
 */
export const RecommendationIssuedData = z.object({
  recommendationId: z.string().min(1),
  /** The responsible unit. */
  unitId: z.string().min(1),
  issuingUnitId: z.string().min(1),
  leaderInCharge: PersonInUnit.nullable(),
  replyDueDate: z.iso.date(),
  actor: Actor,
});
export type RecommendationIssuedData = z.infer<typeof RecommendationIssuedData>;

export const RecommendationIssuedV1 = eventSchema('inspections.RecommendationIssued.v1', RecommendationIssuedData);
export type RecommendationIssuedV1 = z.infer<typeof RecommendationIssuedV1>;
