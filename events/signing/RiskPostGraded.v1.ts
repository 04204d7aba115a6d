import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from './parts.js';

/** A post was graded by integrity risk (level 1 highest); who answers for it follows the grading rule. */
export const RiskPostGradedData = z.object({
  riskPostId: z.string().min(1),
  unitId: z.string().min(1),
  name: z.string().min(1),
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  /** The post that holds the risk. */
  postId: z.string().min(1),
  /** The post that answers for it, by the rule of the grading (Loudi). */
  answerablePostId: z.string().min(1),
  /** The power items the grade was taken from, if any. */
  powerItemIds: z.array(z.string().min(1)),
  actor: Actor,
});
export type RiskPostGradedData = z.infer<typeof RiskPostGradedData>;

export const RiskPostGradedV1 = eventSchema('signing.RiskPostGraded.v1', RiskPostGradedData);
export type RiskPostGradedV1 = z.infer<typeof RiskPostGradedV1>;
