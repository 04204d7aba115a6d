/**
 * Where a public complaint goes: to the discipline body of the unit complained about; a complaint
 * about a discipline body goes one level up (to the commission above), and at the root stays there,
 * flagged. Pure.
 */
export interface ComplaintTarget {
  readonly unitId: string;
  /** From the root down to the parent. */
  readonly ancestorIds: readonly string[];
}

export interface Route {
  /** The unit whose discipline body handles the complaint. */
  readonly handlingUnitId: string;
  /** Sent one level up, because the complaint is about the discipline body itself. */
  readonly raised: boolean;
  /** About the discipline body of a root unit: there is no level above, the root's handles it. */
  readonly noLevelAbove: boolean;
}

export const routeComplaint = (target: ComplaintTarget, aboutDisciplineBody: boolean): Route => {
  if (!aboutDisciplineBody) return { handlingUnitId: target.unitId, raised: false, noLevelAbove: false };
  const upper = target.ancestorIds[target.ancestorIds.length - 1];
  return upper === undefined ? { handlingUnitId: target.unitId, raised: false, noLevelAbove: true } : { handlingUnitId: upper, raised: true, noLevelAbove: false };
};
