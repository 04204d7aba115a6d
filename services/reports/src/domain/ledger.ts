/**
 * The monthly ledger (Xupu: 一人一填报，一月一核查，一季一通报): a leading cadre files once a month, the
 * filing is checked, and each quarter the missing and failed filings are circulated. Pure functions.
 */
import { ConflictError, RuleError } from '#shared/errors.js';
import type { PersonRef } from '#events/people.js';
import type { Quarter } from './keyTasks.js';

export interface LedgerFiling {
  readonly ledgerId: string;
  readonly unitId: string;
  readonly person: PersonRef;
  readonly month: string;
  readonly entries: readonly string[];
  readonly filedAt: string;
  readonly check: { readonly result: 'passed' | 'failed'; readonly note: string; readonly at: string; readonly by: string } | null;
  readonly revision: number;
}

/** A month is filed once it has begun, and not before (`today` is a CST date). */
export const checkLedgerMonth = (month: string, today: string): void => {
  if (month > today.slice(0, 7)) throw new RuleError('The month has not begun', [{ path: 'month', message: `${month} 尚未开始，不能填报` }]);
};

export const checkFiling = (filing: LedgerFiling, result: 'passed' | 'failed', note: string, by: string, at: string): LedgerFiling => {
  if (filing.check) throw new ConflictError(`The filing of ${filing.month} is already checked`);
  if (result === 'failed' && !note.trim()) throw new RuleError('A failed check needs a note', [{ path: 'note', message: '核查不通过须说明原因' }]);
  return { ...filing, check: { result, note, at, by }, revision: filing.revision + 1 };
};

/** The months of a quarter, `YYYY-MM`. */
export const monthsOf = (year: number, quarter: Quarter): string[] => [0, 1, 2].map((i) => `${year}-${String((quarter - 1) * 3 + 1 + i).padStart(2, '0')}`);

/** For each expected filer, the quarter's months with no filing and those whose check failed; only filers with a shortfall. */
export const shortfalls = <P extends { readonly unitId: string; readonly person: PersonRef }>(
  filers: readonly P[],
  filings: readonly Pick<LedgerFiling, 'unitId' | 'person' | 'month' | 'check'>[],
  months: readonly string[],
): Array<P & { missing: string[]; failed: string[] }> =>
  filers
    .map((filer) => {
      const own = filings.filter((f) => f.unitId === filer.unitId && f.person.personId === filer.person.personId);
      return {
        ...filer,
        missing: months.filter((m) => !own.some((f) => f.month === m)),
        failed: months.filter((m) => own.some((f) => f.month === m && f.check?.result === 'failed')),
      };
    })
    .filter((s) => s.missing.length > 0 || s.failed.length > 0);
