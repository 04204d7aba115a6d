import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';

/**
 * A patrol recorded a finding about a covered unit; its rectification is asked of the reports
 * service with `requestId`. The finding's words stay in the patrol record.
 */
export const PatrolFindingRecordedData = z.object({
  findingId: z.string().min(1),
  patrolId: z.string().min(1),
  /** The covered unit the finding is about. */
  unitId: z.string().min(1),
  year: z.number().int(),
  requestId: z.string().min(1),
  actor: Actor,
});
export type PatrolFindingRecordedData = z.infer<typeof PatrolFindingRecordedData>;

export const PatrolFindingRecordedV1 = eventSchema('inspections.PatrolFindingRecorded.v1', PatrolFindingRecordedData);
export type PatrolFindingRecordedV1 = z.infer<typeof PatrolFindingRecordedV1>;
