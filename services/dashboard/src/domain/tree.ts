import type { Caller } from '#shared/auth/claims.js';
import { inReach, reachesWholeTree, type TreePosition } from '#shared/auth/reach.js';
import { ForbiddenError, NotFoundError } from '#shared/errors.js';

/** The units in the caller's reach (the caller's unit and those below it), parents before children, then by name. */
export const unitsInReach = <U extends TreePosition & { readonly name: string }>(caller: Caller, units: readonly U[]): U[] =>
  units.filter((u) => inReach(caller, u)).sort((a, b) => a.ancestorIds.length - b.ancestorIds.length || a.name.localeCompare(b.name, 'zh'));

/**
 * The units of the subtree of `unitId` (parents before children, then by name), which must be in
 * the caller's reach; without it, every unit in reach. A unit out of reach is refused whether or not
 * it exists, as the shared guard refuses it; only the whole tree's admin hears that it does not.
 * `route` names the route in the refusal.
 */
export const subtreeOf = <U extends TreePosition & { readonly name: string }>(caller: Caller, units: readonly U[], unitId: string | undefined, route: string): U[] => {
  const visible = unitsInReach(caller, units);
  if (unitId === undefined || unitId === caller.unitId) return visible;
  if (!visible.some((u) => u.id === unitId)) {
    if (reachesWholeTree(caller)) throw new NotFoundError(`Unit ${unitId} does not exist`);
    throw new ForbiddenError(`Unit ${unitId} is outside the caller’s reach for ${route}`);
  }
  return visible.filter((u) => u.id === unitId || u.ancestorIds.includes(unitId));
};
