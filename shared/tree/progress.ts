/**
 * Progress level by level of the caller's subtree: how many of the things due (letters to sign,
 * reports to submit) are done in each level, and what is still waited on. Level 0 is the caller's
 * own unit, or the root for an admin of the whole tree; level 1 the units just below it; and so on.
 */
import type { Caller } from '../auth/claims.js';
import { inReach, type TreePosition } from '../auth/reach.js';

/** One thing due in a unit: done or not, and, when not, who or what it waits on. */
export interface Due<W> {
  readonly unitId: string;
  readonly done: boolean;
  readonly waitingOn: readonly W[];
}

/** The progress of one level. */
export interface LevelProgress<W> {
  readonly level: number;
  readonly units: number;
  readonly total: number;
  readonly done: number;
  readonly pending: number;
  /** Done of total, in percent to one decimal; null when nothing is due. */
  readonly percentDone: number | null;
  readonly waitingOn: W[];
}

/**
 * Groups what is due by the level of its unit in the caller's subtree; things of units out of reach
 * are left out. `waitingOn` is extended with each unit's own (`name` of the unit, say) by `describe`.
 *
 * @example
 * ```ts
 * import { progressByLevel } from '#shared/tree/progress.js';
 *
 * const levels = progressByLevel(
 *   { subject: 'a', role: 'admin', unitId: undefined },
 *   [{ id: 'city', ancestorIds: [] }],
 *   [{ unitId: 'city', done: false, waitingOn: ['王明'] }],
 * );
 * // levels: [{ level: 0, units: 1, total: 1, done: 0, pending: 1, percentDone: 0, waitingOn: ['王明'] }]
 * ```
 */
export const progressByLevel = <U extends TreePosition, W>(caller: Caller, units: readonly U[], due: ReadonlyArray<Due<W>>): Array<LevelProgress<W>> => {
  const inScope = units.filter((u) => inReach(caller, u));
  if (inScope.length === 0) return [];
  const top = Math.min(...inScope.map((u) => u.ancestorIds.length));
  const levelOf = new Map(inScope.map((u) => [u.id, u.ancestorIds.length - top]));
  const levels = new Map<number, { units: number; total: number; done: number; waitingOn: W[] }>();
  const entry = (level: number) => {
    let found = levels.get(level);
    if (!found) levels.set(level, (found = { units: 0, total: 0, done: 0, waitingOn: [] }));
    return found;
  };
  for (const level of levelOf.values()) entry(level).units++;
  for (const item of due) {
    const level = levelOf.get(item.unitId);
    if (level === undefined) continue;
    const e = entry(level);
    e.total++;
    if (item.done) e.done++;
    else e.waitingOn.push(...item.waitingOn);
  }
  return [...levels.entries()]
    .sort(([a], [b]) => a - b)
    .map(([level, e]) => ({
      level,
      units: e.units,
      total: e.total,
      done: e.done,
      pending: e.total - e.done,
      percentDone: e.total === 0 ? null : Math.round((e.done / e.total) * 1000) / 10,
      waitingOn: e.waitingOn,
    }));
};
