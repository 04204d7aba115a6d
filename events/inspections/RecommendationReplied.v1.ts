import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';

/**
 * The responsible unit replied to a supervision recommendation letter.
 */
export const RecommendationRepliedData = z.object({
  recommendationId: z.string().min(1),
  unitId: z.string().min(1),
  onTime: z.boolean(),
  actor: Actor,
});
export type RecommendationRepliedData = z.infer<typeof RecommendationRepliedData>;

export const RecommendationRepliedV1 = eventSchema('inspections.RecommendationReplied.v1', RecommendationRepliedData);
export type RecommendationRepliedV1 = z.infer<typeof RecommendationRepliedV1>;
