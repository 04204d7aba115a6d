import type { Caller } from '#shared/auth/claims.js';
import { annualReportCycle } from '../domain/overview.js';
import { unitsInReach } from '../domain/tree.js';
import type { AnnualReportOverview } from '../schemas.js';
import { loadReports, loadUnits } from '../adapters/projection.js';

/**
 * The annual report status of every unit in the caller's reach, parents before children; with
 * `detail`, each unit's report in its cycle and the count of each status.
 */
export const annualReportOverview = async (caller: Caller, year: number, detail = false): Promise<AnnualReportOverview> => {
  const [units, reports] = await Promise.all([loadUnits(), loadReports(year)]);
  return annualReportCycle(year, unitsInReach(caller, units), (id) => reports.get(id), detail);
};
