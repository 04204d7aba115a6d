import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';

/**
 * A patrol (巡察), routine or specialised, started: its organising unit, the units it covers and
 * its period. The team and the subject stay in the patrol record.
 */
export const PatrolStartedData = z.object({
  patrolId: z.string().min(1),
  /** The organising unit, whose committee sends the patrol. */
  unitId: z.string().min(1),
  kind: z.enum(['routine', 'specialised']),
  coveredUnitIds: z.array(z.string().min(1)).min(1),
  from: z.iso.date(),
  to: z.iso.date(),
  actor: Actor,
});
export type PatrolStartedData = z.infer<typeof PatrolStartedData>;

export const PatrolStartedV1 = eventSchema('inspections.PatrolStarted.v1', PatrolStartedData);
export type PatrolStartedV1 = z.infer<typeof PatrolStartedV1>;
