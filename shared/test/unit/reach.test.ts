import { ruleAllows, type ReachRule, type TreePosition } from '#shared/auth/reach.js';
import type { Caller } from '#shared/auth/claims.js';

const city: TreePosition = { id: 'city', ancestorIds: [] };
const county: TreePosition = { id: 'county', ancestorIds: ['city'] };
const sibling: TreePosition = { id: 'sibling', ancestorIds: ['city'] };
const town: TreePosition = { id: 'town', ancestorIds: ['city', 'county'] };
const cousin: TreePosition = { id: 'cousin', ancestorIds: ['city', 'sibling'] };
const otherRoot: TreePosition = { id: 'other', ancestorIds: [] };
const peers: ReachRule = { kind: 'peers', unit: { in: 'path', name: 'unitId' } };
const at = (unit: TreePosition): Caller => ({ subject: 'p', role: 'unit_staff', unitId: unit.id }) as Caller;

describe('the peers reach rule (key task tables are visible under the same upper level)', () => {
  it.each([
    ['its own unit', true, county, county],
    ['a unit below it', true, county, town],
    ['a sibling under the same upper level', true, county, sibling],
    ['the upper level itself', false, county, city],
    ['a sibling’s child', false, county, cousin],
    ['another root, for a root (no upper level)', false, city, otherRoot],
    ['a unit that does not exist', false, county, undefined],
  ])('a caller reading %s is allowed: %s', (_what, allowed, caller, unit) => {
    // Act / Assess
    expect(ruleAllows(peers, at(caller), unit as TreePosition | undefined, caller)).toBe(allowed);
  });

  it('refuses a sibling when the caller’s own place is not known', () => {
    // Act / Assess
    expect(ruleAllows(peers, at(county), sibling, undefined)).toBe(false);
  });
});
