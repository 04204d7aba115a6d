/**
 * The unit tree: city → counties, departments → towns → branches. Pure rules, no I/O.
 */
import type { Caller } from '#shared/auth/claims.js';
import { inReach, type TreePosition } from '#shared/auth/reach.js';
import { ForbiddenError, NotFoundError } from '#shared/errors.js';

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
