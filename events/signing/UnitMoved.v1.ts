import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from './parts.js';

/**
 * A unit was moved under another parent. The units below it move with it: a consumer
 * replaces this unit's ancestors by `previousAncestorIds` → `ancestorIds` in theirs too.
 */
export const UnitMovedData = z.object({
  unitId: z.string().min(1),
  parentId: z.string().min(1),
  previousParentId: z.string().min(1).nullable(),
  /** From the root down to the new parent. */
  ancestorIds: z.array(z.string().min(1)),
  previousAncestorIds: z.array(z.string().min(1)),
  /** Every unit below it with its ancestors after the move, so a consumer needs no lookup. */
  descendants: z.array(z.object({ unitId: z.string().min(1), ancestorIds: z.array(z.string().min(1)) })),
  actor: Actor,
});
export type UnitMovedData = z.infer<typeof UnitMovedData>;

export const UnitMovedV1 = eventSchema('signing.UnitMoved.v1', UnitMovedData);
export type UnitMovedV1 = z.infer<typeof UnitMovedV1>;
