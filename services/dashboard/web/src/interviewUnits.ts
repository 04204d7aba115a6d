/**
 * The dashboard's interviews overview read for the oversight views: the units to choose from, in
 * tree order, a unit's subtree, and the chart's series (talks by kind, notices outstanding and
 * overdue) over it.
 */
import type { InterviewsRow } from './interviews.js';
import type { TalkKind } from './terms.js';

type UnitNode = Pick<InterviewsRow, 'unitId' | 'name' | 'parentId'>;

export interface UnitChoice {
  readonly unitId: string;
  readonly name: string;
  /** How far below the top of the viewer's tree. */
  readonly depth: number;
}

/** Each unit's children, the units whose parent is not among the rows at the top (`null`). */
const childrenOf = <R extends UnitNode>(rows: readonly R[]): Map<string | null, R[]> => {
  const ids = new Set(rows.map((r) => r.unitId));
  const children = new Map<string | null, R[]>();
  for (const row of rows) {
    const parent = row.parentId !== null && ids.has(row.parentId) ? row.parentId : null;
    const siblings = children.get(parent);
    if (siblings) siblings.push(row);
    else children.set(parent, [row]);
  }
  return children;
};

/**
 * The units in tree order (each followed by those below it), with their depth. The viewer's own
 * unit is first among them even before the overview has answered, named `本单位` until it has.
 */
export const unitChoices = (rows: readonly UnitNode[], own: string | null): UnitChoice[] => {
  const children = childrenOf(rows);
  const out: UnitChoice[] = [];
  const visit = (row: UnitNode, depth: number) => {
    out.push({ unitId: row.unitId, name: row.name, depth });
    for (const child of children.get(row.unitId) ?? []) visit(child, depth + 1);
  };
  for (const top of children.get(null) ?? []) visit(top, 0);
  return own !== null && !out.some((u) => u.unitId === own) ? [{ unitId: own, name: '本单位', depth: 0 }, ...out] : out;
};

/** The unit and every unit below it, in tree order. */
export const subtreeRows = <R extends UnitNode>(rows: readonly R[], unitId: string): R[] => {
  const children = childrenOf(rows);
  const row = rows.find((r) => r.unitId === unitId);
  const out: R[] = [];
  const visit = (r: R) => {
    out.push(r);
    for (const child of children.get(r.unitId) ?? []) visit(child);
  };
  if (row) visit(row);
  return out;
};

export const talkKinds: readonly TalkKind[] = ['integrity', 'reminder', 'warning', 'joint', 'admonishment'];

export interface InterviewChartData {
  readonly units: readonly string[];
  readonly talks: Readonly<Record<TalkKind, readonly number[]>>;
  readonly outstanding: readonly number[];
  readonly overdue: readonly number[];
}

/** The chart's series, one value per unit in the order of `rows`. */
export const chartDataOf = (rows: readonly InterviewsRow[]): InterviewChartData => ({
  units: rows.map((r) => r.name),
  talks: Object.fromEntries(talkKinds.map((k) => [k, rows.map((r) => r.talksByKind[k] ?? 0)])) as Record<TalkKind, number[]>,
  outstanding: rows.map((r) => r.noticesOutstanding),
  overdue: rows.map((r) => r.noticesOverdue),
});
