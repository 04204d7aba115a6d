import { loadFixture } from '#events/fixtures/index.js';
import { SigningEvent, type UnitMovedV1, type UnitRegisteredV1 } from '#events/index.js';
import { ancestorsSlot, knownUnitEffects, knownUnitOf, latestAncestors } from '../../dynamo/knownUnits.js';

const registered = SigningEvent.parse(loadFixture('signing.UnitRegistered.v1')) as UnitRegisteredV1;
const moved = SigningEvent.parse(loadFixture('signing.UnitMoved.v1')) as UnitMovedV1;

describe('the units a service keeps from signing.events', () => {
  it('names the slot of an event’s ancestors so that slots sort as the events’ times do, whatever their offset', () => {
    // Act
    const earlier = ancestorsSlot({ time: '2027-01-01T08:00:00+08:00', id: 'b' });
    const later = ancestorsSlot({ time: '2027-01-01T00:30:00Z', id: 'a' });

    // Assess: 08:00 in Beijing is midnight UTC, before 00:30 UTC.
    expect([later, earlier].sort()).toEqual([earlier, later]);
    expect(earlier).toBe('ancestors#2027-01-01T00:00:00.000Z#b');
  });

  it('reads the ancestors of the latest event that stated them, or those of an item kept before', () => {
    // Prepare
    const item = { pk: 'UNITS', sk: 'UNIT#u1', name: '甲县', [ancestorsSlot({ time: '2027-01-02T00:00:00Z', id: 'x' })]: ['city', 'district'], [ancestorsSlot({ time: '2027-01-01T00:00:00Z', id: 'y' })]: ['city'] };

    // Act / Assess
    expect(latestAncestors(item)).toEqual(['city', 'district']);
    expect(knownUnitOf(item)).toEqual({ id: 'u1', name: '甲县', ancestorIds: ['city', 'district'] });
    expect(knownUnitOf({ pk: 'UNITS', sk: 'UNIT#u2', name: '乙县', ancestorIds: ['city'], registeredAt: '2027-01-01T00:00:00Z' })).toEqual({ id: 'u2', name: '乙县', ancestorIds: ['city'], registeredAt: '2027-01-01T00:00:00Z' });
  });

  it('writes every statement of ancestors to a slot of its own, with no condition, and the name only if no rename came first', () => {
    // Act
    const effects = knownUnitEffects(() => 'table');
    const registration = effects.registered(registered).Update!;
    const moves = effects.moved(moved).map((a) => a.Update!);

    // Assess
    expect(registration.UpdateExpression).toContain('#name = if_not_exists(#name, :name)');
    expect(registration.ExpressionAttributeNames!['#ancestors']).toBe(ancestorsSlot(registered));
    expect(moves.map((m) => m.Key)).toEqual([moved.data.unitId, ...moved.data.descendants.map((d) => d.unitId)].map((id) => ({ pk: 'UNITS', sk: `UNIT#${id}` })));
    expect(new Set(moves.map((m) => m.ExpressionAttributeNames!['#ancestors']))).toEqual(new Set([ancestorsSlot(moved)]));
    expect([registration, ...moves].every((u) => u.ConditionExpression === undefined)).toBe(true);
  });
});
