import { v7 as uuidv7 } from 'uuid';
import type { Caller } from '#shared/auth/claims.js';
import type { TreePosition } from '#shared/auth/reach.js';
import { newEvent, type Causation } from '#events/envelope.js';
import { actorOf } from '../domain/actor.js';
import type { UnitRegisteredV1 } from '#events/signing/UnitRegistered.v1.js';
import { decideRegisterUnit, type Unit } from '../domain/unit.js';
import { insertUnit } from '../adapters/unitRepository.js';
import type { RegisterUnitBody } from '../schemas.js';

/**
 * Registers a unit under `parent` (found by the route's reach guard; none for a root unit): decide,
 * then the unit and its `signing.UnitRegistered.v1` in one transaction.
 */
export const registerUnit = async (
  caller: Caller,
  body: RegisterUnitBody,
  parent: TreePosition | undefined,
  now: Date,
  cause: Causation,
): Promise<Unit> => {
  const unit = decideRegisterUnit({ id: uuidv7(), name: body.name, parentId: body.parentId, category: body.category }, parent, caller);
  const event: UnitRegisteredV1 = newEvent({
    type: 'signing.UnitRegistered.v1',
    source: '/services/signing',
    subject: unit.id,
    unitId: unit.id,
    aggregateVersion: unit.version,
    ...cause,
    time: now,
    data: { unitId: unit.id, name: unit.name, parentId: unit.parentId, category: unit.category, ancestorIds: [...unit.ancestorIds], actor: actorOf(caller) },
  });
  await insertUnit(unit, event, now);
  return unit;
};
