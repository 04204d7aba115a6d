import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from './parts.js';

/** A unit joined the unit tree. `ancestorIds` runs from the root down to the parent. */
export const UnitRegisteredData = z.object({
  unitId: z.string().min(1),
  name: z.string().min(1),
  parentId: z.string().min(1).nullable(),
  category: z.string().min(1),
  ancestorIds: z.array(z.string().min(1)),
  actor: Actor,
});
export type UnitRegisteredData = z.infer<typeof UnitRegisteredData>;

export const UnitRegisteredV1 = eventSchema('signing.UnitRegistered.v1', UnitRegisteredData);
export type UnitRegisteredV1 = z.infer<typeof UnitRegisteredV1>;
