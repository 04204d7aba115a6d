import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from './parts.js';

/** A unit was renamed. */
export const UnitRenamedData = z.object({
  unitId: z.string().min(1),
  name: z.string().min(1),
  previousName: z.string().min(1),
  actor: Actor,
});
export type UnitRenamedData = z.infer<typeof UnitRenamedData>;

export const UnitRenamedV1 = eventSchema('signing.UnitRenamed.v1', UnitRenamedData);
export type UnitRenamedV1 = z.infer<typeof UnitRenamedV1>;
