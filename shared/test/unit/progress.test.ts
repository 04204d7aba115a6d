import { progressByLevel } from '../../tree/progress.js';
import type { Caller } from '../../auth/claims.js';

const units = [
  { id: 'city', ancestorIds: [] },
  { id: 'county', ancestorIds: ['city'] },
  { id: 'town', ancestorIds: ['city', 'county'] },
  { id: 'other', ancestorIds: ['city'] },
];
const due = [
  { unitId: 'city', done: true, waitingOn: [] },
  { unitId: 'county', done: false, waitingOn: ['陈刚'] },
  { unitId: 'county', done: true, waitingOn: [] },
  { unitId: 'town', done: false, waitingOn: ['林芳', '黄涛'] },
  { unitId: 'other', done: false, waitingOn: ['周平'] },
];

describe('progress level by level', () => {
  it('counts from the root for the whole tree’s admin', () => {
    // Act
    const levels = progressByLevel({ subject: 'a', role: 'admin', unitId: undefined }, units, due);

    // Assess
    expect(levels.map((l) => [l.level, l.units, l.total, l.done, l.pending, l.percentDone])).toEqual([
      [0, 1, 1, 1, 0, 100],
      [1, 2, 3, 1, 2, 33.3],
      [2, 1, 1, 0, 1, 0],
    ]);
    expect(levels[1]!.waitingOn).toEqual(['陈刚', '周平']);
  });

  it('counts from the caller’s own unit, leaving out what is out of reach', () => {
    // Prepare
    const county: Caller = { subject: 'c', role: 'unit_secretary', unitId: 'county' };

    // Act
    const levels = progressByLevel(county, units, due);

    // Assess
    expect(levels.map((l) => [l.level, l.units, l.total, l.done])).toEqual([
      [0, 1, 2, 1],
      [1, 1, 1, 0],
    ]);
    expect(levels.flatMap((l) => l.waitingOn)).not.toContain('周平');
  });

  it('says nothing is due, rather than 0%, where nothing is', () => {
    // Act
    const levels = progressByLevel({ subject: 'a', role: 'admin', unitId: undefined }, units, []);

    // Assess
    expect(levels.map((l) => l.percentDone)).toEqual([null, null, null]);
  });
});
