import type { Caller } from '#shared/auth/claims.js';
import { cstDate } from '#events/envelope.js';
import { countRectifications, foldRectification, isOverdue } from '../domain/rectification.js';
import { unitsInReach } from '../domain/tree.js';
import type { RectificationOverview, RectificationQuery } from '../schemas.js';
import { loadUnits } from '../adapters/projection.js';
import { loadRectifications } from '../adapters/rectifications.js';

/**
 * The rectification items of the units in the caller's reach, soonest due first, with whether each
 * is overdue on `now`'s day in China Standard Time. `counts` are of every item in reach; the items
 * are those the query's `status` and `overdue` let through.
 */
export const rectificationOverview = async (caller: Caller, query: RectificationQuery, now: Date): Promise<RectificationOverview> => {
  const [units, rectifications] = await Promise.all([loadUnits(), loadRectifications()]);
  const names = new Map(unitsInReach(caller, units).map((u) => [u.id, u.name]));
  const today = cstDate(now);
  const all = rectifications.flatMap((r) => {
    const unitName = names.get(r.unitId);
    const folded = foldRectification(r.steps);
    if (unitName === undefined || !folded) return [];
    return [
      {
        rectificationId: r.rectificationId,
        unitId: r.unitId,
        unitName,
        source: r.source,
        action: r.action,
        dueDate: r.dueDate,
        status: folded.status,
        overdue: isOverdue({ status: folded.status, dueDate: r.dueDate }, today),
        history: folded.history,
        openedAt: r.openedAt,
        changedAt: folded.changedAt,
      },
    ];
  });
  const items = all
    .filter((i) => (query.status === undefined || i.status === query.status) && (query.overdue === undefined || i.overdue === (query.overdue === 'true')))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.unitName.localeCompare(b.unitName, 'zh') || a.rectificationId.localeCompare(b.rectificationId));
  return { today, counts: countRectifications(all), items };
};
