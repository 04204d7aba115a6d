import type { Caller } from '#shared/auth/claims.js';
import { inReach } from '#shared/auth/reach.js';
import { summarise } from '../domain/overview.js';
import { ReportStatus, type AnnualReportOverview } from '../schemas.js';
import { loadStatuses, loadUnits } from '../adapters/projection.js';

/** The annual report status of every unit in the caller's reach, parents before children. */
export const annualReportOverview = async (caller: Caller, year: number): Promise<AnnualReportOverview> => {
  const [units, statuses] = await Promise.all([loadUnits(), loadStatuses(year)]);
  const visible = units
    .filter((u) => inReach(caller, u))
    .sort((a, b) => a.ancestorIds.length - b.ancestorIds.length || a.name.localeCompare(b.name, 'zh'));
  return summarise(year, visible, (id) => ReportStatus.catch('missing').parse(statuses.get(id)));
};
