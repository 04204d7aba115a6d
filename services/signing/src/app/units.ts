import type { Caller } from '#shared/auth/claims.js';
import type { Causation } from '#events/envelope.js';
import { NotFoundError, RuleError } from '#shared/errors.js';
import { actorOf } from '../domain/actor.js';
import { decideDeactivate, decideMove, decideRename, notAParentInReach, type Unit } from '../domain/unit.js';
import { writeWithEvents } from '../adapters/store.js';
import { getUnit, listUnits, unitDirectory, unitPut } from '../adapters/unitRepository.js';
import { signingEvent } from './events.js';

const changedMeanwhile = 'The unit changed meanwhile; read it again';

const unitOrNotFound = async (unitId: string): Promise<Unit> => {
  const unit = await getUnit(unitId);
  if (!unit) throw new NotFoundError(`Unit ${unitId} does not exist`);
  return unit;
};

/** Renames a unit, with `UnitRenamed`. */
export const renameUnit = async (caller: Caller, unitId: string, name: string, now: Date, cause: Causation): Promise<Unit> => {
  const unit = await unitOrNotFound(unitId);
  const renamed = decideRename(unit, name);
  const event = signingEvent('signing.UnitRenamed.v1', { subject: unitId, unitId, version: renamed.version }, { unitId, name, previousName: unit.name, actor: actorOf(caller) }, cause, now);
  await writeWithEvents([unitPut(renamed)], [event], now, changedMeanwhile);
  return renamed;
};

/** Units one move may rewrite in one transaction: the unit and those below it, with the event. */
const maxMovedUnits = 98;

/** Moves a unit, and everything below it, under another parent, with `UnitMoved`. */
export const moveUnit = async (caller: Caller, unitId: string, parentId: string, now: Date, cause: Causation): Promise<Unit> => {
  const [unit, parent, units] = await Promise.all([unitOrNotFound(unitId), getUnit(parentId), listUnits()]);
  if (!parent) throw notAParentInReach();
  const moved = decideMove(unit, parent, units, caller);
  if (moved.length > maxMovedUnits) {
    throw new RuleError(`A unit with more than ${maxMovedUnits - 1} units below it is moved in parts`, [{ path: 'unitId', message: `下级单位超过 ${maxMovedUnits - 1} 个，请分批调整` }]);
  }
  const [self, ...below] = moved;
  const event = signingEvent(
    'signing.UnitMoved.v1',
    { subject: unitId, unitId, version: self!.version },
    {
      unitId,
      parentId,
      previousParentId: unit.parentId,
      ancestorIds: [...self!.ancestorIds],
      previousAncestorIds: [...unit.ancestorIds],
      descendants: below.map((u) => ({ unitId: u.id, ancestorIds: [...u.ancestorIds] })),
      actor: actorOf(caller),
    },
    cause,
    now,
  );
  await writeWithEvents(moved.map(unitPut), [event], now, changedMeanwhile);
  unitDirectory.forget(moved.map((u) => u.id));
  return self!;
};

/** Deactivates a unit (it keeps its history), with `UnitDeactivated`. */
export const deactivateUnit = async (caller: Caller, unitId: string, now: Date, cause: Causation): Promise<Unit> => {
  const [unit, units] = await Promise.all([unitOrNotFound(unitId), listUnits()]);
  const deactivated = decideDeactivate(unit, units);
  const event = signingEvent('signing.UnitDeactivated.v1', { subject: unitId, unitId, version: deactivated.version }, { unitId, actor: actorOf(caller) }, cause, now);
  await writeWithEvents([unitPut(deactivated)], [event], now, changedMeanwhile);
  return deactivated;
};
