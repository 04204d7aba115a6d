/** Sums over a unit tree, for the dashboard's drill-down. */
import { submittedStatuses, type ReportStatus } from './terms.js';

export interface UnitRow {
  readonly unitId: string;
  readonly name: string;
  readonly parentId: string | null;
  readonly status: ReportStatus;
  readonly report?: { readonly changedAt: string | null; readonly late: boolean; readonly returned: { readonly reason: string } | null };
}

export interface Tally {
  readonly expected: number;
  readonly submitted: number;
  readonly late: number;
  readonly missing: number;
}

export interface Tree {
  readonly byId: ReadonlyMap<string, UnitRow>;
  readonly children: (unitId: string | null) => readonly UnitRow[];
  /** The unit and every unit below it. */
  readonly subtree: (unitId: string) => readonly UnitRow[];
  /** The names from the top of the tree shown down to the unit. */
  readonly path: (unitId: string) => readonly UnitRow[];
}

export const treeOf = (rows: readonly UnitRow[]): Tree => {
  const byId = new Map(rows.map((r) => [r.unitId, r]));
  const children = new Map<string | null, UnitRow[]>();
  for (const row of rows) {
    const parent = row.parentId !== null && byId.has(row.parentId) ? row.parentId : null;
    const siblings = children.get(parent);
    if (siblings) siblings.push(row);
    else children.set(parent, [row]);
  }
  const subtree = (unitId: string): UnitRow[] => {
    const row = byId.get(unitId);
    return row ? [row, ...(children.get(unitId) ?? []).flatMap((c) => subtree(c.unitId))] : [];
  };
  const path = (unitId: string): UnitRow[] => {
    const out: UnitRow[] = [];
    for (let row = byId.get(unitId); row; row = row.parentId ? byId.get(row.parentId) : undefined) out.unshift(row);
    return out;
  };
  return { byId, children: (unitId) => children.get(unitId) ?? [], subtree, path };
};

/** The unit has submitted its report (late or not, accepted included). */
export const isSubmitted = (row: UnitRow): boolean => submittedStatuses.includes(row.status);

/** The unit submitted after the deadline (its report may since have been accepted). */
export const isLate = (row: UnitRow): boolean => isSubmitted(row) && (row.status === 'late' || row.report?.late === true);

export const tally = (rows: readonly UnitRow[]): Tally => ({
  expected: rows.length,
  submitted: rows.filter(isSubmitted).length,
  late: rows.filter(isLate).length,
  missing: rows.filter((r) => !isSubmitted(r)).length,
});

/** The year whose annual report is due next: last year's until 31 January, then this year's (China Standard Time). */
export const reportYearDue = (now = new Date()): number => {
  const cst = new Date(now.getTime() + 8 * 3600_000);
  return cst.getUTCMonth() === 0 ? cst.getUTCFullYear() - 1 : cst.getUTCFullYear();
};

/** The year a page shows: the `year` of its address if it names one (a link can be shared), else the year due. */
export const pageYear = (): number => askedYear() ?? reportYearDue();

/** The `year` of the page's address, if it names a plausible one. */
const askedYear = (): number | undefined => {
  const asked = Number(new URLSearchParams(location.search).get('year'));
  return Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : undefined;
};

/** The year in progress in China Standard Time, or the `year` of the address: letters and key tasks are of it. */
export const yearInProgress = (): number => askedYear() ?? new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
