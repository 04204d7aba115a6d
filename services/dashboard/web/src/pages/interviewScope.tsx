/**
 * The unit and year the dashboard's talk, warning and ledger views are of: the viewer's own unit to
 * begin with, any unit of their tree to choose (from the dashboard's interviews overview, which
 * lists exactly the units in the viewer's reach), and this year or one before.
 */
import { useMemo, useState } from 'preact/hooks';
import { useLive, type Live } from '../live.js';
import type { Session } from '../session.js';
import type { InterviewsOverview } from '../interviews.js';
import { unitChoices, type UnitChoice } from '../interviewUnits.js';
import { YearSelect } from '../formParts.js';
import { yearInProgress } from '../tree.js';

export interface Scope {
  readonly year: number;
  readonly setYear: (year: number) => void;
  /** The unit chosen; `undefined` until there is one to choose (an admin before the overview answers). */
  readonly unitId: string | undefined;
  readonly setUnitId: (unitId: string) => void;
  readonly units: readonly UnitChoice[];
  readonly unitName: (unitId: string) => string | undefined;
  /** The dashboard's interviews overview of the year. */
  readonly overview: Live<InterviewsOverview>;
}

export const useScope = (session: Session): Scope => {
  const [year, setYear] = useState(yearInProgress);
  const [chosen, setUnitId] = useState<string | null>(session.unitId);
  const overview = useLive<InterviewsOverview>(`/api/dashboard/interviews?year=${year}`);
  const units = useMemo(() => unitChoices(overview.data?.rows ?? [], session.unitId), [overview.data, session.unitId]);
  const names = useMemo(() => new Map(units.map((u) => [u.unitId, u.name])), [units]);
  return { year, setYear, unitId: chosen ?? units[0]?.unitId, setUnitId, units, unitName: (id) => names.get(id), overview };
};

/** The view's title, and the unit and year it is of. */
/** The units of a picker, each indented by its depth below the caller's unit. */
export const UnitOptions = ({ units }: { units: ReadonlyArray<{ unitId: string; name: string; depth: number }> }) => (
  <>
    {units.map((u) => (
      <option key={u.unitId} value={u.unitId}>
        {'　'.repeat(u.depth)}
        {u.name}
      </option>
    ))}
  </>
);

export const ScopeBar = ({ title, scope }: { title: string; scope: Scope }) => (
  <div class="page-head">
    <h2 class="view-title">{title}</h2>
    <div class="field inline">
      <label for="scope-unit">单位</label>
      <select id="scope-unit" value={scope.unitId ?? ''} onChange={(e) => scope.setUnitId((e.target as HTMLSelectElement).value)}>
        <UnitOptions units={scope.units} />
      </select>
    </div>
    <YearSelect id="scope-year" value={scope.year} onChange={scope.setYear} current={yearInProgress()} />
  </div>
);

/** The scope in words, for an exported file. */
export const scopeText = (scope: Scope): string => `${scope.year}年度 · ${(scope.unitId && scope.unitName(scope.unitId)) ?? ''}`;
