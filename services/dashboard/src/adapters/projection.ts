import { queryPartition, tableName } from '#shared/dynamo/client.js';
import type { UnitMovedV1, UnitRegisteredV1, UnitRenamedV1 } from '#events/index.js';
import type { AnnualReportAcceptedV1, AnnualReportDraftSavedV1, AnnualReportReopenedV1, AnnualReportReturnedV1, AnnualReportSubmittedV1 } from '#events/index.js';
import { foldReport, reportStepOf, type ReportState, type ReportStep } from '../domain/reportStatus.js';
import { overviewStatusOf } from '../domain/overview.js';
import type { Versioned } from '../domain/versioned.js';
import { slotName, slotsOf } from './slots.js';
import { ancestorsSlot, latestAncestors } from '#shared/dynamo/knownUnits.js';

/**
 * The dashboard's read model: units in one partition (`UNITS`), report status in one partition per
 * year (`ANNUAL_REPORTS#<year>`), so that the overview of a year is two Queries. A unit item comes
 * out the same whatever order its events are applied in (see `unitUpdate`).
 *
 * A report's item keeps the step of each submission, return, acceptance and reopening in its own
 * attribute (`step#<aggregateversion>`, see `slots.ts`) and the last draft in `lastDraft`; its
 * state is their fold. `status` is what the last applied event made of the report in the
 * overview's terms (`draft`, `submitted`, `late`, ...), kept as the first slice wrote it.
 */
export const table = () => tableName('dashboard');
const statusKey = (year: number, unitId: string) => ({ pk: `ANNUAL_REPORTS#${year}`, sk: `UNIT#${unitId}` });
const unitKey = (unitId: string) => ({ pk: 'UNITS', sk: `UNIT#${unitId}` });

export { ancestorsSlot };

/**
 * The Update of a unit item: `kind` and `unitId`, and the assignments given.
 *
 * A unit item is written by events of more than one partition: the unit's own `UnitRegistered`,
 * `UnitRenamed` and `UnitMoved` share its key, but the `UnitMoved` of a unit above it, which gives
 * it new ancestors too, is keyed by that unit. Live consumers and a replay may apply them in any
 * order, so every effect on a unit item is an Update that comes out the same in any order, and
 * none has a condition (a failed condition on an effect fails the record, which the shared
 * consumer then retries, see `#shared/kafka/consumer.js`):
 *  - each sets `kind` and `unitId`, the same values whoever comes first;
 *  - `name` is the registration's unless a rename has set it (`if_not_exists`);
 *  - each event that states the unit's ancestors (its registration, a move of it or of a unit above
 *    it) writes them in an attribute of its own, {@link ancestorsSlot}, and the unit's ancestors are
 *    those of the latest such event ({@link projectedUnitOf}).
 *
 * One `ancestorIds` that only a later event may overwrite would need "set if newer", which an
 * update expression cannot say without a condition: SET knows only `if_not_exists`, `list_append`,
 * `+` and `-` (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.UpdateExpressions.html).
 * The cost of the slots is one attribute, a few hundred bytes, per event that moved the unit, kept
 * for good: a unit would have to move more than a thousand times to near the 400 KB of an item.
 */
const unitUpdate = (unitId: string, assignments: readonly string[], names: Readonly<Record<string, string>>, values: Readonly<Record<string, unknown>>) => ({
  Update: {
    TableName: table(),
    Key: unitKey(unitId),
    UpdateExpression: `SET kind = :kind, unitId = :unitId, ${assignments.join(', ')}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: { ':kind': 'unit', ':unitId': unitId, ...values },
  },
});

/** A unit joined the tree: its name, unless a rename came first, and its ancestors as of its registration. */
export const unitRegistered = (event: UnitRegisteredV1) => [
  unitUpdate(
    event.data.unitId,
    ['#name = if_not_exists(#name, :name)', '#ancestors = :ancestors'],
    { '#name': 'name', '#ancestors': ancestorsSlot(event) },
    { ':name': event.data.name, ':ancestors': event.data.ancestorIds },
  ),
];

/** A unit's new name. A unit's events share a key, so the last rename applied is the last made. */
export const unitRenamed = (event: UnitRenamedV1) => [unitUpdate(event.data.unitId, ['#name = :name'], { '#name': 'name' }, { ':name': event.data.name })];

/** The unit and everything below it take their new ancestors as of the move: the dashboard's levels follow. */
export const unitMoved = (event: UnitMovedV1) =>
  [{ unitId: event.data.unitId, ancestorIds: event.data.ancestorIds }, ...event.data.descendants].map((unit) =>
    unitUpdate(unit.unitId, ['#ancestors = :ancestors'], { '#ancestors': ancestorsSlot(event) }, { ':ancestors': unit.ancestorIds }),
  );

/**
 * A draft marks the unit `draft` unless it has gone further. Only the last draft is kept (a unit
 * may save many): it gives the version and the time of the last change while nothing follows it.
 */
export const draftSaved = (event: AnnualReportDraftSavedV1) => [
  {
    Update: {
      TableName: table(),
      Key: statusKey(event.data.year, event.data.unitId),
      UpdateExpression: 'SET #status = if_not_exists(#status, :draft), unitId = :unitId, kind = :kind, #lastDraft = :lastDraft',
      ExpressionAttributeNames: { '#status': 'status', '#lastDraft': 'lastDraft' },
      ExpressionAttributeValues: { ':draft': 'draft', ':unitId': event.data.unitId, ':kind': 'reportStatus', ':lastDraft': reportStepOf(event) },
    },
  },
];

/** `submittedEvents` counts applied submissions: it stays 1 however often the event is delivered. */
export const submitted = (event: AnnualReportSubmittedV1) => {
  const { aggregateVersion, step } = reportStepOf(event);
  return [
    {
      Update: {
        TableName: table(),
        Key: statusKey(event.data.year, event.data.unitId),
        UpdateExpression: 'SET #status = :status, unitId = :unitId, kind = :kind, submittedAt = :at, #step = :step ADD submittedEvents :one',
        ExpressionAttributeNames: { '#status': 'status', '#step': slotName('step', aggregateVersion) },
        ExpressionAttributeValues: {
          ':status': event.data.late ? 'late' : 'submitted',
          ':unitId': event.data.unitId,
          ':kind': 'reportStatus',
          ':at': event.data.submittedAt,
          ':step': step,
          ':one': 1,
        },
      },
    },
  ];
};

/** The effect of a return, an acceptance or a reopening: its step, and the overview status it leaves. */
const transition = (event: AnnualReportReturnedV1 | AnnualReportAcceptedV1 | AnnualReportReopenedV1) => {
  const { aggregateVersion, step } = reportStepOf(event);
  return [
    {
      Update: {
        TableName: table(),
        Key: statusKey(event.data.year, event.data.unitId),
        UpdateExpression: 'SET #status = :status, unitId = :unitId, kind = :kind, #step = :step',
        ExpressionAttributeNames: { '#status': 'status', '#step': slotName('step', aggregateVersion) },
        ExpressionAttributeValues: { ':status': step.kind, ':unitId': event.data.unitId, ':kind': 'reportStatus', ':step': step },
      },
    },
  ];
};

/** The report was returned for revision, with why and by whom. */
export const returned = (event: AnnualReportReturnedV1) => transition(event);
/** The report was accepted. */
export const accepted = (event: AnnualReportAcceptedV1) => transition(event);
/** The report was reopened after the deadline. */
export const reopened = (event: AnnualReportReopenedV1) => transition(event);

export interface ProjectedUnit {
  readonly id: string;
  readonly name: string;
  readonly ancestorIds: readonly string[];
}

/**
 * The unit a unit item holds, or `undefined` while it lacks a name or ancestors: an item that only
 * a move of a unit above it, or only a rename, has written so far, its registration not applied
 * yet. Such a unit is left out of every answer until then.
 */
export const projectedUnitOf = (item: Readonly<Record<string, unknown>>): ProjectedUnit | undefined => {
  const ancestorIds = latestAncestors(item);
  return typeof item.unitId === 'string' && typeof item.name === 'string' && ancestorIds !== undefined ? { id: item.unitId, name: item.name, ancestorIds } : undefined;
};

/** Every unit of the tree that the dashboard knows whole. */
export const loadUnits = async (): Promise<ProjectedUnit[]> =>
  (await queryPartition(table(), 'UNITS')).flatMap((item) => {
    const unit = projectedUnitOf(item);
    return unit ? [unit] : [];
  });

/**
 * The state of an item written before steps were kept (the first slice): its `status` and
 * `submittedAt` are all there is.
 */
const firstSliceState = (item: Readonly<Record<string, unknown>>): ReportState | undefined => {
  if (item.status === 'draft') return { status: 'draft', late: false, version: null, changedAt: null, returned: null };
  if (item.status === 'submitted' || item.status === 'late') {
    return { status: 'submitted', late: item.status === 'late', version: null, changedAt: (item.submittedAt as string | undefined) ?? null, returned: null };
  }
  return undefined;
};

/** A report item's state: the fold of its steps and last draft. */
const reportStateOf = (item: Readonly<Record<string, unknown>>): ReportState | undefined => {
  const steps = [...slotsOf<ReportStep>(item, 'step'), ...(item.lastDraft ? [item.lastDraft as Versioned<ReportStep>] : [])];
  return steps.length > 0 ? foldReport(steps) : firstSliceState(item);
};

/** The state of every unit's report of the year that the dashboard has heard of, by unit id. */
export const loadReports = async (year: number): Promise<Map<string, ReportState>> =>
  new Map(
    (await queryPartition(table(), `ANNUAL_REPORTS#${year}`)).flatMap((item) => {
      const state = reportStateOf(item);
      return state ? [[item.unitId as string, state] as const] : [];
    }),
  );

/** The overview status (`draft`, `submitted`, `late`, `returned`, ...) of every report of the year, by unit id. */
export const loadStatuses = async (year: number): Promise<Map<string, string>> =>
  new Map([...(await loadReports(year))].map(([unitId, state]) => [unitId, overviewStatusOf(state)]));
