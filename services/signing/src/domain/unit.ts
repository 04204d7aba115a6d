/**
 * The unit tree: city → counties, departments → towns → branches. Pure rules, no I/O.
 */
import type { Caller } from '#shared/auth/claims.js';
import { inReach, type TreePosition } from '#shared/auth/reach.js';
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from '#shared/errors.js';

export interface Unit {
  readonly id: string;
  readonly name: string;
  readonly parentId: string | null;
  readonly category: string;
  /** From the root down to the parent. */
  readonly ancestorIds: readonly string[];
  readonly version: number;
  /** False once deactivated: the unit keeps its history but takes no new posts, lists or letters. */
  readonly active?: boolean;
}

export interface RegisterUnit {
  readonly id: string;
  readonly name: string;
  readonly parentId: string | undefined;
  readonly category: string;
}

/**
 * Decides whether a unit may be registered. The parent must exist and be in the caller's reach; a
 * root unit (no parent) takes an admin of the whole tree.
 */
export const decideRegisterUnit = (command: RegisterUnit, parent: TreePosition | undefined, caller: Caller): Unit => {
  if (command.parentId !== undefined && !parent) {
    throw new NotFoundError(`Parent unit ${command.parentId} does not exist`);
  }
  if (parent ? !inReach(caller, parent) : caller.unitId !== undefined) {
    throw new ForbiddenError('The parent unit is outside the caller’s reach');
  }
  return {
    id: command.id,
    name: command.name,
    parentId: parent?.id ?? null,
    category: command.category,
    ancestorIds: parent ? [...parent.ancestorIds, parent.id] : [],
    version: 1,
  };
};

/**
 * The refusal of a new parent that is out of the caller's reach, or unknown: the same 422 for both,
 * so that nobody learns which ids exist.
 */
export const notAParentInReach = (): RuleError => new RuleError('The new parent is not a unit in the caller’s reach', [{ path: 'parentId', message: '上级单位不存在或不在本人管辖范围内' }]);

/** Decides a new name; the same name is no change (409). */
export const decideRename = (unit: Unit, name: string): Unit => {
  if (unit.active === false) throw new ConflictError('The unit is deactivated');
  if (unit.name === name) throw new ConflictError('The unit already has that name');
  return { ...unit, name, version: unit.version + 1 };
};

/**
 * Decides a move under `parent`: never under itself or a unit below it, and the new parent must be
 * in the caller's reach as the unit is. Gives the unit and every unit below it with its new
 * ancestors (`units` is the whole tree).
 */
export const decideMove = (unit: Unit, parent: Unit, units: readonly Unit[], caller: Caller): Unit[] => {
  if (unit.active === false || parent.active === false) throw new ConflictError('A deactivated unit neither moves nor takes units');
  if (parent.id === unit.id || parent.ancestorIds.includes(unit.id)) throw new RuleError('A unit cannot move under itself or a unit below it', [{ path: 'parentId', message: '不能移到本单位或其下级单位之下' }]);
  if (unit.parentId === parent.id) throw new ConflictError('The unit is already under that parent');
  if (!inReach(caller, parent)) throw notAParentInReach();
  const ancestors = [...parent.ancestorIds, parent.id];
  const depth = unit.ancestorIds.length;
  const below = units.filter((u) => u.ancestorIds.includes(unit.id));
  return [
    { ...unit, parentId: parent.id, ancestorIds: ancestors, version: unit.version + 1 },
    ...below.map((u) => ({ ...u, ancestorIds: [...ancestors, ...u.ancestorIds.slice(depth)], version: u.version + 1 })),
  ];
};

/** Decides deactivation: the unit keeps its history; one with active units below it is refused. */
export const decideDeactivate = (unit: Unit, units: readonly Unit[]): Unit => {
  if (unit.active === false) throw new ConflictError('The unit is already deactivated');
  if (units.some((u) => u.parentId === unit.id && u.active !== false)) throw new ConflictError('Units below it are still active; move or deactivate them first');
  return { ...unit, active: false, version: unit.version + 1 };
};
