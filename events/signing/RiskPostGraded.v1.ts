import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor, PersonRef } from './parts.js';

/** A post was graded by integrity risk (level 1 highest); who answers for it follows the grading rule. */
export const RiskPostGradedData = z.object({
  riskPostId: z.string().min(1),
  unitId: z.string().min(1),
  /** The job, as the unit names it. */
  name: z.string().min(1),
  /** The portfolio area it belongs to. */
  area: z.string().min(1),
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  holder: PersonRef,
  servingSince: z.iso.date(),
  /** Who answers for it, and by which case of the rule (Loudi). */
  answerable: PersonRef.extend({
    postId: z.string().min(1).nullable(),
    unitId: z.string().min(1),
    rule: z.enum(['principal', 'upperLeaderInCharge', 'leaderInCharge', 'principalForLeader', 'supervisor']),
  }),
  /** The power items the grade was taken from, if any. */
  powerItemIds: z.array(z.string().min(1)),
  actor: Actor,
});
export type RiskPostGradedData = z.infer<typeof RiskPostGradedData>;

export const RiskPostGradedV1 = eventSchema('signing.RiskPostGraded.v1', RiskPostGradedData);
export type RiskPostGradedV1 = z.infer<typeof RiskPostGradedV1>;
