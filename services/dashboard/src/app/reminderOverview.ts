import type { Caller } from '#shared/auth/claims.js';
import { reachesWholeTree } from '#shared/auth/reach.js';
import { ForbiddenError, NotFoundError } from '#shared/errors.js';
import { dashboardConfig, type DashboardConfig } from '../config.js';
import { remindersOverview } from '../domain/reminders.js';
import { unitsInReach } from '../domain/tree.js';
import type { ReminderOverview, RemindersQuery } from '../schemas.js';
import { loadUnits, type ProjectedUnit } from '../adapters/projection.js';
import { loadDeadlineFacts } from '../adapters/reminders.js';

/**
 * The units of the subtree of `unitId` (parents before children, then by name), which must be in
 * the caller's reach; without it, every unit in reach. A unit out of reach is refused whether or not
 * it exists, as the shared guard refuses it; only the whole tree's admin hears that it does not.
 */
const subtreeOf = (caller: Caller, units: readonly ProjectedUnit[], unitId: string | undefined): ProjectedUnit[] => {
  const visible = unitsInReach(caller, units);
  if (unitId === undefined || unitId === caller.unitId) return visible;
  if (!visible.some((u) => u.id === unitId)) {
    if (reachesWholeTree(caller)) throw new NotFoundError(`Unit ${unitId} does not exist`);
    throw new ForbiddenError(`Unit ${unitId} is outside the caller’s reach for GET /api/dashboard/reminders`);
  }
  return visible.filter((u) => u.id === unitId || u.ancestorIds.includes(unitId));
};

/**
 * Reminders, failed deliveries and escalation of every unit of a subtree in the caller's reach (the
 * caller's own by default), as they stand on `now`; see `remindersOverview`.
 */
export const reminderOverview = async (caller: Caller, query: RemindersQuery, now: Date, config: DashboardConfig = dashboardConfig()): Promise<ReminderOverview> => {
  const [units, facts] = await Promise.all([loadUnits(), loadDeadlineFacts()]);
  return remindersOverview(subtreeOf(caller, units, query.unitId), facts, { kind: query.kind, status: query.status }, now, config.escalationLapseDays);
};
