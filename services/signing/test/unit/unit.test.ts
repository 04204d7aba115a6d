import { decideRegisterUnit, type Unit } from '../../src/domain/unit.js';
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
