import type { Caller } from './claims.js';

/** A unit's place in the tree: its id and its ancestors from the root down. */
export interface TreePosition {
  readonly id: string;
  readonly ancestorIds: readonly string[];
}

/**
 * Whether a unit is in the caller's reach: the caller's unit or below it. An admin without a unit
 * reaches the whole tree; any other role without a unit reaches nothing.
 */
export const inReach = (caller: Caller, unit: TreePosition): boolean => {
  if (caller.unitId === undefined) return caller.role === 'admin';
  return unit.id === caller.unitId || unit.ancestorIds.includes(caller.unitId);
};
