import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';

/**
 * The ranking of a category's units in a year-end assessment was published, to be disclosed within
 * `disclosureScope`: anyone (`public`), every signed-in unit (`system`), or the organising unit's
 * subtree (`subtree`).
 */
export const AssessmentRankedData = z.object({
  assessmentId: z.string().min(1),
  /** The organising unit, whose commission ran the assessment. */
  unitId: z.string().min(1),
  year: z.number().int(),
  modelId: z.string().min(1),
  category: z.string().min(1),
  ranking: z.array(z.object({ unitId: z.string().min(1), rank: z.number().int().positive(), overall: z.number(), grade: z.enum(['优秀', '良好', '合格', '不合格']), vetoed: z.boolean() })),
  disclosureScope: z.enum(['public', 'system', 'subtree']),
  actor: Actor,
});
export type AssessmentRankedData = z.infer<typeof AssessmentRankedData>;

export const AssessmentRankedV1 = eventSchema('inspections.AssessmentRanked.v1', AssessmentRankedData);
export type AssessmentRankedV1 = z.infer<typeof AssessmentRankedV1>;
