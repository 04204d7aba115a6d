import { withFreshIds } from '#events/fixtures/index.js';
import { UnitMovedV1, UnitRegisteredV1, UnitRenamedV1 } from '#events/index.js';
import { tableEnvName } from '#shared/manifest.js';
import { ancestorsSlot, projectedUnitOf, unitMoved, unitRegistered, unitRenamed } from '../../src/adapters/projection.js';

const unitId = '019a7b2e-4c1d-7f00-8a11-3d2f6b9e0c03';
const [city, county, district, newCounty] = ['019a7b2e-4c1d-7f00-8a11-3d2f6b9e0c01', '019a7b2e-4c1d-7f00-8a11-3d2f6b9e0c02', 'district', 'new-county'];

/** The fixture events of `unitId`, at the envelope time given. */
const registration = (time: string) => UnitRegisteredV1.parse({ ...withFreshIds('signing.UnitRegistered.v1', unitId), time });
const rename = (time: string) => UnitRenamedV1.parse({ ...withFreshIds('signing.UnitRenamed.v1', unitId), time });
/** The move of `movedId`, with `unitId` below it and its ancestors after the move when `below` is given. */
const move = (time: string, movedId: string, below?: readonly string[]) => {
  const fixture = withFreshIds('signing.UnitMoved.v1', movedId);
  return UnitMovedV1.parse({ ...fixture, subject: movedId, time, data: { ...fixture.data, descendants: below ? [{ unitId, ancestorIds: below }] : [] } });
};

// The effects name the table from the environment, as a deployed function does.
process.env[tableEnvName('dashboard', 'main')] ??= 'dashboard';

describe('the effects on a unit item', () => {
  it('are Updates without a condition, the registration setting the name only where no rename has', () => {
    // Prepare
    const registered = registration('2026-11-20T09:30:00.000+08:00');
    const moved = move('2026-12-01T10:05:00.000+08:00', county, [city, county]);

    // Act
    const effects = [...unitRegistered(registered), ...unitRenamed(rename('2026-12-01T10:00:00.000+08:00')), ...unitMoved(moved)];

    // Assess
    for (const effect of effects) {
      expect(Object.keys(effect)).toEqual(['Update']);
      expect(effect.Update).not.toHaveProperty('ConditionExpression');
    }
    expect(effects[0]!.Update.UpdateExpression).toContain('#name = if_not_exists(#name, :name)');
    expect(effects[0]!.Update.ExpressionAttributeNames['#ancestors']).toBe(ancestorsSlot(registered));
    expect(effects.at(-1)!.Update).toMatchObject({ Key: { pk: 'UNITS', sk: `UNIT#${unitId}` }, ExpressionAttributeValues: { ':ancestors': [city, county], ':unitId': unitId } });
  });
});

describe('the attribute of the ancestors an event states', () => {
  it('sorts as the events’ times, whatever offset each time is written with', () => {
    // Prepare: 03:00 UTC is 11:00 in Beijing, after 10:05 Beijing time though it reads smaller.
    const earlier = move('2026-12-01T10:05:00.000+08:00', county);
    const later = move('2026-12-01T03:00:00.000Z', county);

    // Act
    const names = [ancestorsSlot(later), ancestorsSlot(earlier)].sort();

    // Assess
    expect(names).toEqual([ancestorsSlot(earlier), ancestorsSlot(later)]);
    expect(ancestorsSlot(earlier)).toBe(`ancestors#2026-12-01T02:05:00.000Z#${earlier.id}`);
  });
});

describe('a unit read from its item', () => {
  it('has the ancestors of the latest event that stated them, whatever order they were written in', () => {
    // Prepare: the registration, the unit's own move, and a later move of a unit above it, written out of order.
    const registered = registration('2026-11-20T09:30:00.000+08:00');
    const ownMove = move('2026-12-01T10:05:00.000+08:00', unitId);
    const aboveMoved = move('2026-12-02T08:00:00.000+08:00', newCounty, [city, district, newCounty]);
    const item = {
      pk: 'UNITS',
      sk: `UNIT#${unitId}`,
      kind: 'unit',
      unitId,
      [ancestorsSlot(aboveMoved)]: [city, district, newCounty],
      [ancestorsSlot(registered)]: [city, county],
      name: '东湖县城关街道',
      [ancestorsSlot(ownMove)]: [city, newCounty],
    };

    // Act
    const unit = projectedUnitOf(item);

    // Assess
    expect(unit).toEqual({ id: unitId, name: '东湖县城关街道', ancestorIds: [city, district, newCounty] });
  });

  it('has the `ancestorIds` of an item written before ancestors were kept by event', () => {
    // Act
    const unit = projectedUnitOf({ pk: 'UNITS', sk: `UNIT#${unitId}`, kind: 'unit', unitId, name: '东湖县城关镇', ancestorIds: [city, county] });

    // Assess
    expect(unit).toEqual({ id: unitId, name: '东湖县城关镇', ancestorIds: [city, county] });
  });

  it('is left out while only a move above it, or only a rename, has written its item', () => {
    // Prepare
    const moved = { pk: 'UNITS', sk: `UNIT#${unitId}`, kind: 'unit', unitId, [ancestorsSlot(move('2026-12-01T10:05:00.000+08:00', county, [city, county]))]: [city, county] };
    const renamed = { pk: 'UNITS', sk: `UNIT#${unitId}`, kind: 'unit', unitId, name: '东湖县城关街道' };

    // Act
    const units = [moved, renamed].map(projectedUnitOf);

    // Assess
    expect(units).toEqual([undefined, undefined]);
  });
});
