import type { AnnualReportOverview, AnnualReportStatus, ReportStatus, ReportView } from '../schemas.js';
import type { ReportState } from './reportStatus.js';

/** The overview statuses of a unit that has submitted (late or not, accepted included). */
const hasSubmitted: readonly ReportStatus[] = ['submitted', 'late', 'accepted'];

/**
 * Sums up a year's annual reports over a set of units. `submitted` counts every unit that has
 * submitted, late or not, accepted included; `late` those of them that came after the deadline
 * (by default, the units whose status is `late`; `lateOf` tells it for the others); `missing` the
 * rest (no report, a draft, a report returned or reopened). Each unit's row names its parent (the
 * last of its `ancestorIds`), so that a reader can draw the tree.
 */
export const summarise = (
  year: number,
  units: ReadonlyArray<{ id: string; name: string; ancestorIds?: readonly string[] }>,
  statusOf: (unitId: string) => ReportStatus,
  lateOf: (unitId: string) => boolean = (unitId) => statusOf(unitId) === 'late',
): AnnualReportOverview => {
  const rows = units.map((u) => ({ unitId: u.id, name: u.name, parentId: u.ancestorIds?.at(-1) ?? null, status: statusOf(u.id) }));
  const submitted = rows.filter((r) => hasSubmitted.includes(r.status));
  return {
    year,
    expected: rows.length,
    submitted: submitted.length,
    late: submitted.filter((r) => lateOf(r.unitId)).length,
    missing: rows.length - submitted.length,
    units: rows,
  };
};

/** A report's status in the overview: a submission after the deadline, not yet returned or accepted, is `late`. */
export const overviewStatusOf = (report: ReportState | undefined): ReportStatus => {
  if (!report) return 'missing';
  return report.status === 'submitted' && report.late ? 'late' : report.status;
};

/** A report in detail; a unit without one is `missing`. */
export const reportViewOf = (report: ReportState | undefined): ReportView =>
  report ? { status: report.status, late: report.late, version: report.version, changedAt: report.changedAt, returned: report.returned } : { status: 'missing', late: false, version: null, changedAt: null, returned: null };

const cycleStatuses: readonly AnnualReportStatus[] = ['missing', 'draft', 'submitted', 'returned', 'accepted', 'reopened'];

/**
 * The overview of a year's reports over `units` (in the order given), each unit's report from
 * `reportOf`. With `detail`, every unit's report in detail and the count of each status are added.
 */
export const annualReportCycle = (
  year: number,
  units: ReadonlyArray<{ id: string; name: string; ancestorIds?: readonly string[] }>,
  reportOf: (unitId: string) => ReportState | undefined,
  detail: boolean,
): AnnualReportOverview => {
  const overview = summarise(
    year,
    units,
    (unitId) => overviewStatusOf(reportOf(unitId)),
    (unitId) => reportOf(unitId)?.late ?? false,
  );
  if (!detail) return overview;
  const rows = overview.units.map((row) => ({ ...row, report: reportViewOf(reportOf(row.unitId)) }));
  const counts = Object.fromEntries(cycleStatuses.map((status) => [status, rows.filter((r) => r.report.status === status).length])) as Record<AnnualReportStatus, number>;
  return { ...overview, counts, units: rows };
};
