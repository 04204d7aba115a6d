import type { AnnualReportOverview, ReportStatus } from '../schemas.js';

/**
 * Sums up a year's annual reports over a set of units. `submitted` counts every unit that has
 * submitted, late or not; `late` those of them that came after the deadline; `missing` the rest
 * (no report, or only a draft).
 */
export const summarise = (
  year: number,
  units: ReadonlyArray<{ id: string; name: string }>,
  statusOf: (unitId: string) => ReportStatus,
): AnnualReportOverview => {
  const rows = units.map((u) => ({ unitId: u.id, name: u.name, status: statusOf(u.id) }));
  const submitted = rows.filter((r) => r.status === 'submitted' || r.status === 'late').length;
  return {
    year,
    expected: rows.length,
    submitted,
    late: rows.filter((r) => r.status === 'late').length,
    missing: rows.length - submitted,
    units: rows,
  };
};
