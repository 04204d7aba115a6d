import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';
import { PersonInUnit } from './parts.js';

/**
 * A follow-up visit (回访) to a person held accountable was made.
 */
export const FollowUpVisitedData = z.object({
  visitId: z.string().min(1),
  caseId: z.string().min(1),
  unitId: z.string().min(1),
  person: PersonInUnit,
  visitedOn: z.iso.date(),
  actor: Actor,
});
export type FollowUpVisitedData = z.infer<typeof FollowUpVisitedData>;

export const FollowUpVisitedV1 = eventSchema('inspections.FollowUpVisited.v1', FollowUpVisitedData);
export type FollowUpVisitedV1 = z.infer<typeof FollowUpVisitedV1>;
