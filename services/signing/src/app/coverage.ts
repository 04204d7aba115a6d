import type { Caller } from '#shared/auth/claims.js';
import { progressByLevel } from '#shared/tree/progress.js';
import { letterSummaries } from '../adapters/letterRepository.js';
import { listUnits } from '../adapters/unitRepository.js';

/** Someone who has not yet signed a letter in force. */
export interface Unsigned {
  readonly letterId: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly party: 'issuer' | 'recipient';
  readonly personId: string;
  readonly name: string;
}

/**
 * Signing coverage of a year, level by level of the caller's subtree (level 0 is the caller's own
 * unit, or the root for an admin of the whole tree): letters in force, completed and pending, and
 * who has not yet signed.
 */
export const coverage = async (caller: Caller, year: number) => {
  const [units, letters] = await Promise.all([listUnits(), letterSummaries(year)]);
  const names = new Map(units.map((u) => [u.id, u.name]));
  const levels = progressByLevel<(typeof units)[number], Unsigned>(
    caller,
    units,
    letters
      .filter((l) => l.status !== 'voided')
      .map((letter) => ({
        unitId: letter.unitId,
        done: letter.status === 'completed',
        waitingOn: (['issuer', 'recipient'] as const)
          .filter((party) => !letter.signedParties.includes(party))
          .map((party) => ({ letterId: letter.letterId, unitId: letter.unitId, unitName: names.get(letter.unitId) ?? '', party, personId: letter[party].personId, name: letter[party].name })),
      })),
  );
  return {
    year,
    levels: levels.map((l) => ({ level: l.level, units: l.units, issued: l.total, completed: l.done, pending: l.pending, percentComplete: l.percentDone, unsigned: l.waitingOn })),
  };
};
