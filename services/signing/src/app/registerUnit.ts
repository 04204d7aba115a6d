import { v7 as uuidv7 } from 'uuid';
import type { Caller } from '#shared/auth/claims.js';
import { newEvent } from '#events/envelope.js';
import type { UnitRegisteredV1 } from '#events/signing/UnitRegistered.v1.js';
import { decideRegisterUnit, type Unit } from '../domain/unit.js';
import { getUnit, insertUnit } from '../adapters/unitRepository.js';
import type { RegisterUnitBody } from '../schemas.js';

/** Registers a unit: decide, then the unit and its `signing.UnitRegistered.v1` in one transaction. */
export const registerUnit = async (
  caller: Caller,
  body: RegisterUnitBody,
  now: Date,
  correlationId: string,
): Promise<Unit> => {
  const parent = body.parentId === undefined ? undefined : await getUnit(body.parentId);
  const unit = decideRegisterUnit({ id: uuidv7(), name: body.name, parentId: body.parentId, category: body.category }, parent, caller);
  const event: UnitRegisteredV1 = newEvent({
    type: 'signing.UnitRegistered.v1',
    source: '/services/signing',
    subject: unit.id,
    unitId: unit.id,
    aggregateVersion: unit.version,
    correlationId,
    time: now,
    data: { unitId: unit.id, name: unit.name, parentId: unit.parentId, category: unit.category, ancestorIds: [...unit.ancestorIds] },
  });
  await insertUnit(unit, event, now);
  return unit;
};
