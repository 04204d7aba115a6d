import type { Caller } from '#shared/auth/claims.js';
import { inReach } from '#shared/auth/reach.js';
import { letterSummaries } from '../adapters/letterRepository.js';
import { listUnits } from '../adapters/unitRepository.js';

/** How far signing has got, for one level of the caller's subtree. */
export interface CoverageLevel {
  readonly level: number;
  readonly units: number;
  readonly issued: number;
  readonly completed: number;
  readonly pending: number;
  /** Completed of issued, in percent to one decimal; null when nothing is issued. */
  readonly percentComplete: number | null;
  readonly unsigned: ReadonlyArray<{ letterId: string; unitId: string; unitName: string; party: 'issuer' | 'recipient'; personId: string; name: string }>;
}

/**
 * Signing coverage of a year, level by level of the caller's subtree (level 0 is the caller's own
 * unit, or the root for an admin of the whole tree): letters in force, completed and pending, and
 * who has not yet signed.
 */
export const coverage = async (caller: Caller, year: number): Promise<{ year: number; levels: CoverageLevel[] }> => {
  const [units, letters] = await Promise.all([listUnits(), letterSummaries(year)]);
  const inScope = units.filter((u) => inReach(caller, u));
  const top = Math.min(...inScope.map((u) => u.ancestorIds.length));
  const byId = new Map(inScope.map((u) => [u.id, u]));
  const levels = new Map<number, { units: number; issued: number; completed: number; unsigned: CoverageLevel['unsigned'][number][] }>();
  const levelOf = (depth: number) => {
    const level = depth - top;
    let entry = levels.get(level);
    if (!entry) levels.set(level, (entry = { units: 0, issued: 0, completed: 0, unsigned: [] }));
    return entry;
  };
  for (const unit of inScope) levelOf(unit.ancestorIds.length).units++;
  for (const letter of letters) {
    const unit = byId.get(letter.unitId);
    if (!unit || letter.status === 'voided') continue;
    const entry = levelOf(unit.ancestorIds.length);
    entry.issued++;
    if (letter.status === 'completed') entry.completed++;
    for (const party of ['issuer', 'recipient'] as const) {
      if (letter.status === 'completed' || letter.signedParties.includes(party)) continue;
      entry.unsigned.push({ letterId: letter.letterId, unitId: unit.id, unitName: unit.name, party, personId: letter[party].personId, name: letter[party].name });
    }
  }
  return {
    year,
    levels: [...levels.entries()]
      .sort(([a], [b]) => a - b)
      .map(([level, e]) => ({
        level,
        units: e.units,
        issued: e.issued,
        completed: e.completed,
        pending: e.issued - e.completed,
        percentComplete: e.issued === 0 ? null : Math.round((e.completed / e.issued) * 1000) / 10,
        unsigned: e.unsigned,
      })),
  };
};
