/**
 * The one guard every HTTP route goes through: the caller's role must be one the manifest route
 * allows, and the unit the route acts on must satisfy the route's reach rule. A unit out of reach is
 * a 403 whether or not it exists, so that no caller learns which ids exist; only a caller who
 * reaches the whole tree hears 404 for a unit that does not exist.
 */
import type { Caller } from '../auth/claims.js';
import { reachesWholeTree, ruleAllows, type TreePosition } from '../auth/reach.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import type { HttpTrigger } from '../manifest.js';

/** Finds a unit's place in the tree as the service knows it; `undefined` when it does not know it. */
export type UnitDirectory = (unitId: string) => Promise<TreePosition | undefined>;

/** Finds the unit a resource belongs to, by resource kind (a reach rule's `of`); `undefined` when there is no such resource. */
export type ResourceOwners = Readonly<Record<string, (id: string) => Promise<string | undefined>>>;

/** The role check, before anything of the request is read. */
export const checkRole = (trigger: HttpTrigger, caller: Caller): void => {
  if (!trigger.roles.includes(caller.role)) {
    throw new ForbiddenError(`The role ${caller.role} may not call ${trigger.method} ${trigger.path}`);
  }
};

/**
 * The reach check, on the parsed input; gives the unit the route acts on (none for a listing, or
 * for an absent optional unit field).
 */
export const checkReach = async (
  trigger: HttpTrigger,
  caller: Caller,
  input: { readonly path: unknown; readonly query: unknown; readonly body: unknown },
  units: UnitDirectory | undefined,
  owners: ResourceOwners = {},
): Promise<TreePosition | undefined> => {
  const rule = trigger.reach;
  if (rule.kind === 'listing') return undefined;
  const named = (input[rule.unit.in] as Record<string, unknown> | undefined)?.[rule.unit.name];
  const unitId = rule.unit.of === undefined || named === undefined ? named : await ownerOf(trigger, rule.unit.of, owners, String(named));
  if (unitId === undefined) {
    // No unit named: only the whole tree's admin acts at the root.
    if (rule.kind === 'subtree' && reachesWholeTree(caller)) return undefined;
    throw new ForbiddenError(`Only an admin of the whole tree may call ${trigger.method} ${trigger.path} without ${rule.unit.name}`);
  }
  if (!units) throw new Error(`${trigger.method} ${trigger.path} declares a reach rule but its handler has no unit directory`);
  const unit = unitId === null ? undefined : await units(String(unitId));
  const callerUnit = rule.kind === 'peers' && caller.unitId !== undefined ? await units(caller.unitId) : undefined;
  if (ruleAllows(rule, caller, unit, callerUnit)) return unit;
  const what = rule.unit.of === undefined ? `Unit ${String(unitId)}` : `The ${rule.unit.of} ${String(named)}`;
  // Only a caller the rule could let through learns that something does not exist: never under `own-unit`, which no admin of the whole tree passes.
  if (unit === undefined && reachesWholeTree(caller) && rule.kind !== 'own-unit') throw new NotFoundError(`${what} does not exist`);
  throw new ForbiddenError(`${what} is outside the caller’s reach for ${trigger.method} ${trigger.path}`);
};

/** The unit of a resource; null when there is no such resource (then treated as an unknown unit). */
const ownerOf = async (trigger: HttpTrigger, kind: string, owners: ResourceOwners, id: string): Promise<string | null> => {
  const find = owners[kind];
  if (!find) throw new Error(`${trigger.method} ${trigger.path} finds its unit through a ${kind}, but its handler has no owner lookup for it`);
  return (await find(id)) ?? null;
};

/**
 * Remembers the units a directory found, for `ttlMs`, so that a warm function checks reach without
 * reading the table. Unknown units are not kept, so a unit is found as soon as the service hears of
 * it. A unit that moves is judged at its old place for at most `ttlMs` by a function that had it
 * (the function that moves it forgets it at once).
 */
export const cachedDirectory = (find: UnitDirectory, ttlMs = 60_000, maxEntries = 10_000): CachedDirectory => {
  const known = new Map<string, { unit: TreePosition; until: number }>();
  const directory = async (unitId: string) => {
    const hit = known.get(unitId);
    if (hit && hit.until > Date.now()) return hit.unit;
    const unit = await find(unitId);
    if (unit) {
      if (known.size >= maxEntries) known.delete(known.keys().next().value!);
      known.set(unitId, { unit, until: Date.now() + ttlMs });
    }
    return unit;
  };
  return Object.assign(directory, { forget: (unitIds: readonly string[]) => unitIds.forEach((id) => known.delete(id)) });
};

/** A directory that remembers; `forget` drops units whose place has just changed (a move). */
export type CachedDirectory = UnitDirectory & { forget(unitIds: readonly string[]): void };
