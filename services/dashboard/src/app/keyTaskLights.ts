import type { Caller } from '#shared/auth/claims.js';
import { countLights, lightsOf } from '../domain/keyTasks.js';
import { unitsInReach } from '../domain/tree.js';
import type { KeyTaskLights } from '../schemas.js';
import { loadUnits } from '../adapters/projection.js';
import { loadKeyTasks } from '../adapters/keyTasks.js';

/**
 * The year's key tasks of the units in the caller's reach (parents before children, then by
 * title), each with its quarters' lights, why, and how many comments each light drew; and how many
 * tasks each quarter rated red, yellow and green.
 */
export const keyTaskLights = async (caller: Caller, year: number): Promise<KeyTaskLights> => {
  const [units, tasks] = await Promise.all([loadUnits(), loadKeyTasks(year)]);
  const visible = unitsInReach(caller, units);
  const order = new Map(visible.map((u, i) => [u.id, { index: i, name: u.name }]));
  const rows = tasks
    .filter((t) => order.has(t.unitId))
    .sort((a, b) => order.get(a.unitId)!.index - order.get(b.unitId)!.index || a.title.localeCompare(b.title, 'zh') || a.taskId.localeCompare(b.taskId))
    .map((t) => ({
      taskId: t.taskId,
      unitId: t.unitId,
      unitName: order.get(t.unitId)!.name,
      year: t.year,
      title: t.title,
      responsible: { personId: t.responsible.personId, name: t.responsible.name },
      closed: t.closed,
      closingRequested: t.closingRequested,
      ...lightsOf(t.ratings),
      comments: t.comments,
    }));
  return { year, counts: countLights(rows), tasks: rows };
};
