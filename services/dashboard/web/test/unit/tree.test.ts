/**
 * The dashboard's sums over the unit tree, as the cards and the late and missing lists show them:
 * a late report that was since accepted is still late, in the count and in the list alike.
 */
import { isLate, isSubmitted, tally, treeOf, type UnitRow } from '../../src/tree.js';

const row = (unitId: string, parentId: string | null, status: UnitRow['status'], late = false): UnitRow => ({
  unitId,
  name: unitId,
  parentId,
  status,
  report: { changedAt: null, late, returned: null },
});

describe('the tree’s sums', () => {
  const rows = [
    row('city', null, 'missing'),
    row('county', 'city', 'accepted', true),
    row('town', 'county', 'late', true),
    row('village', 'town', 'returned'),
    row('dept', 'city', 'submitted'),
  ];

  it('counts a late report accepted since as late, and lists exactly the units it counts', () => {
    // Act
    const total = tally(rows);

    // Assess
    expect(total).toEqual({ expected: 5, submitted: 3, late: 2, missing: 2 });
    expect(rows.filter(isLate).map((r) => r.unitId)).toEqual(['county', 'town']);
    expect(rows.filter((r) => !isSubmitted(r)).map((r) => r.unitId)).toEqual(['city', 'village']);
  });

  it('gives each unit its subtree and its path, parents first', () => {
    // Act
    const tree = treeOf(rows);

    // Assess
    expect(tree.children('city').map((r) => r.unitId)).toEqual(['county', 'dept']);
    expect(tree.subtree('county').map((r) => r.unitId)).toEqual(['county', 'town', 'village']);
    expect(tree.path('village').map((r) => r.unitId)).toEqual(['city', 'county', 'town', 'village']);
  });
});
