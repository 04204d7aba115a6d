import type { Caller } from '#shared/auth/claims.js';
import { progressByLevel } from '#shared/tree/progress.js';
import { loadUnits } from '../adapters/projection.js';
import { loadLetters } from '../adapters/letters.js';
import type { SigningCoverage } from '../schemas.js';

/**
 * Letters signed, level by level of the caller's subtree, from the topics alone: in force,
 * completed, pending, and the names of those who have not signed yet.
 */
export const signingCoverage = async (caller: Caller, year: number): Promise<SigningCoverage> => {
  const [units, letters] = await Promise.all([loadUnits(), loadLetters(year)]);
  const names = new Map(units.map((u) => [u.id, u.name]));
  const levels = progressByLevel(
    caller,
    units,
    letters
      .filter((l) => l.status !== 'voided')
      .map((l) => ({
        unitId: l.unitId,
        done: l.status === 'completed',
        waitingOn: (['issuer', 'recipient'] as const)
          .filter((party) => !l.signedParties.includes(party))
          .map((party) => ({ unitName: names.get(l.unitId) ?? '', name: l[party].name, party })),
      })),
  );
  return { year, levels };
};
