import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from './parts.js';

/** A unit was deactivated: it keeps its history but takes no new lists, letters or reports. */
export const UnitDeactivatedData = z.object({
  unitId: z.string().min(1),
  actor: Actor,
});
export type UnitDeactivatedData = z.infer<typeof UnitDeactivatedData>;

export const UnitDeactivatedV1 = eventSchema('signing.UnitDeactivated.v1', UnitDeactivatedData);
export type UnitDeactivatedV1 = z.infer<typeof UnitDeactivatedV1>;
