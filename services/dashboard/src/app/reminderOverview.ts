import type { Caller } from '#shared/auth/claims.js';
import { dashboardConfig, type DashboardConfig } from '../config.js';
import { remindersOverview } from '../domain/reminders.js';
import { subtreeOf } from '../domain/tree.js';
import type { ReminderOverview, RemindersQuery } from '../schemas.js';
import { loadUnits } from '../adapters/projection.js';
import { loadDeadlineFacts } from '../adapters/reminders.js';

/**
 * Reminders, failed deliveries and escalation of every unit of a subtree in the caller's reach (the
 * caller's own by default), as they stand on `now`; see `remindersOverview`.
 */
export const reminderOverview = async (caller: Caller, query: RemindersQuery, now: Date, config: DashboardConfig = dashboardConfig()): Promise<ReminderOverview> => {
  const [units, facts] = await Promise.all([loadUnits(), loadDeadlineFacts()]);
  return remindersOverview(subtreeOf(caller, units, query.unitId, 'GET /api/dashboard/reminders'), facts, { kind: query.kind, status: query.status }, now, config.escalationLapseDays);
};
