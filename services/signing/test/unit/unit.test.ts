import { decideDeactivate, decideMove, decideRegisterUnit, decideRename, type Unit } from '../../src/domain/unit.js';
import type { Caller } from '#shared/auth/claims.js';
import { ForbiddenError, NotFoundError } from '#shared/errors.js';

const city: Unit = { id: 'city', name: '海城市', parentId: null, category: '市委', ancestorIds: [], version: 1 };
const county: Unit = { id: 'county', name: '东湖县', parentId: 'city', category: '县委', ancestorIds: ['city'], version: 1 };
const globalAdmin: Caller = { subject: 'a', role: 'admin', unitId: undefined };
const countyAdmin: Caller = { subject: 'b', role: 'admin', unitId: 'county' };

describe('registering a unit', () => {
  it('places a unit under its parent, with the ancestors from the root down', () => {
    // Act
    const town = decideRegisterUnit({ id: 'town', name: '城关镇', parentId: 'county', category: '乡镇党委' }, county, countyAdmin);

    // Assess
    expect(town).toEqual({ id: 'town', name: '城关镇', parentId: 'county', category: '乡镇党委', ancestorIds: ['city', 'county'], version: 1 });
  });

  it('takes a root unit only from an admin of the whole tree', () => {
    // Act / Assess
    expect(decideRegisterUnit({ id: 'c2', name: '市', parentId: undefined, category: '市委' }, undefined, globalAdmin).ancestorIds).toEqual([]);
    expect(() => decideRegisterUnit({ id: 'c3', name: '市', parentId: undefined, category: '市委' }, undefined, countyAdmin)).toThrow(ForbiddenError);
  });

  it('refuses a parent outside the caller’s reach, and an unknown parent', () => {
    // Act / Assess
    expect(() => decideRegisterUnit({ id: 'd', name: '局', parentId: 'city', category: '部门' }, city, countyAdmin)).toThrow(ForbiddenError);
    expect(() => decideRegisterUnit({ id: 'd', name: '局', parentId: 'nowhere', category: '部门' }, undefined, globalAdmin)).toThrow(NotFoundError);
  });
});

describe('changing the tree', () => {
  const town: Unit = { id: 'town', name: '城关镇', parentId: 'county', category: '乡镇党委', ancestorIds: ['city', 'county'], version: 1 };
  const village: Unit = { id: 'village', name: '某村', parentId: 'town', category: '村党支部', ancestorIds: ['city', 'county', 'town'], version: 3 };
  const other: Unit = { id: 'other', name: '西山县', parentId: 'city', category: '县委', ancestorIds: ['city'], version: 1 };
  const units = [city, county, town, village, other];

  it('moves a unit and everything below it, each with its new ancestors', () => {
    // Act
    const moved = decideMove(town, other, units, globalAdmin);

    // Assess
    expect(moved.map((u) => [u.id, u.ancestorIds, u.version])).toEqual([
      ['town', ['city', 'other'], 2],
      ['village', ['city', 'other', 'town'], 4],
    ]);
    expect(moved[0]!.parentId).toBe('other');
  });

  it('refuses a move under itself or below itself, to the same parent, or under a parent out of reach', () => {
    // Act / Assess
    expect(() => decideMove(town, village, units, globalAdmin)).toThrow('cannot move under itself');
    expect(() => decideMove(town, town, units, globalAdmin)).toThrow('cannot move under itself');
    expect(() => decideMove(town, county, units, globalAdmin)).toThrow('already under');
    expect(() => decideMove(town, other, units, countyAdmin)).toThrow('not a unit in the caller’s reach');
  });

  it('renames only to another name, and deactivates only a unit with nothing active below it', () => {
    // Act / Assess
    expect(decideRename(town, '城关街道')).toMatchObject({ name: '城关街道', version: 2 });
    expect(() => decideRename(town, '城关镇')).toThrow('already has that name');
    expect(() => decideDeactivate(town, units)).toThrow('still active');
    expect(decideDeactivate(village, units)).toMatchObject({ active: false, version: 4 });
    expect(() => decideRename({ ...village, active: false }, '新村')).toThrow('deactivated');
  });
});
