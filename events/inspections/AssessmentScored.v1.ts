import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';

/**
 * A unit's year-end assessment was published: its overall result out of 100 (a vetoed unit keeps
 * its score, is ranked after every unit not vetoed and graded 不合格), its parts and its rank in its
 * category. Each score's basis stays in the assessment record.
 */
export const AssessmentScoredData = z.object({
  assessmentId: z.string().min(1),
  /** The unit assessed. */
  unitId: z.string().min(1),
  year: z.number().int(),
  modelId: z.string().min(1),
  category: z.string().min(1),
  overall: z.number(),
  parts: z.array(z.object({ partId: z.string().min(1), score: z.number(), outOf: z.number() })),
  vetoed: z.boolean(),
  grade: z.enum(['优秀', '良好', '合格', '不合格']),
  rank: z.number().int().positive(),
  actor: Actor,
});
export type AssessmentScoredData = z.infer<typeof AssessmentScoredData>;

export const AssessmentScoredV1 = eventSchema('inspections.AssessmentScored.v1', AssessmentScoredData);
export type AssessmentScoredV1 = z.infer<typeof AssessmentScoredV1>;
