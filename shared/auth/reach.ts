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

/** Whether the caller reaches every unit of the tree: an admin with no unit. */
export const reachesWholeTree = (caller: Caller): boolean => caller.unitId === undefined && caller.role === 'admin';

/**
 * Where a route finds the unit it acts on: a path, query or body field holding the unit's id, or,
 * with `of`, the id of a resource of that kind (a letter, say), whose unit the service's owner
 * lookup for that kind gives.
 */
export interface UnitSource {
  readonly in: 'path' | 'query' | 'body';
  readonly name: string;
  readonly of?: string;
}

/**
 * The reach rule of an HTTP route, declared in the manifest beside its roles and enforced by the
 * shared guard (`shared/http/guard.ts`):
 * - `own-unit`: the unit is the caller's own unit (a unit writes its own annual report);
 * - `subtree`: the unit is the caller's unit or below it; when the field is absent (a root unit),
 *   only a caller who reaches the whole tree may act;
 * - `upper-levels`: the unit is strictly below the caller's unit (the levels above a unit act on it);
 * - `peers`: the unit is in the caller's subtree, or under the same upper level as the caller's unit
 *   (a sibling: key task tables are visible to every unit under the same upper level);
 * - `listing`: the route names no unit; its answer is limited to the caller's subtree.
 * An admin without a unit reaches the whole tree under `subtree`, `upper-levels` and `listing`.
 */
export type ReachRule =
  | { readonly kind: 'own-unit'; readonly unit: UnitSource }
  | { readonly kind: 'subtree'; readonly unit: UnitSource }
  | { readonly kind: 'upper-levels'; readonly unit: UnitSource }
  | { readonly kind: 'peers'; readonly unit: UnitSource }
  | { readonly kind: 'listing' };

/** Whether two units share their upper level: the same ancestors, the root excepted (a root has no upper level). */
const siblings = (a: TreePosition, b: TreePosition): boolean =>
  a.ancestorIds.length > 0 && a.ancestorIds.length === b.ancestorIds.length && a.ancestorIds.every((id, i) => b.ancestorIds[i] === id);

/**
 * Whether the rule lets the caller act on `unit`; `undefined` is a unit that does not exist.
 * `callerUnit` is the caller's own unit's place, which only `peers` needs.
 */
export const ruleAllows = (rule: ReachRule, caller: Caller, unit: TreePosition | undefined, callerUnit?: TreePosition): boolean => {
  switch (rule.kind) {
    case 'listing':
      return true;
    case 'own-unit':
      return unit !== undefined && caller.unitId !== undefined && unit.id === caller.unitId;
    case 'subtree':
      return unit !== undefined && inReach(caller, unit);
    case 'upper-levels':
      return unit !== undefined && (reachesWholeTree(caller) || (caller.unitId !== undefined && unit.ancestorIds.includes(caller.unitId)));
    case 'peers':
      return unit !== undefined && (inReach(caller, unit) || (callerUnit !== undefined && siblings(callerUnit, unit)));
    default: {
      const unknown: never = rule;
      throw new Error(`Unknown reach rule ${JSON.stringify(unknown)}`);
    }
  }
};
