/**
 * A unit's annual report of a year as the dashboard sees it, folded from the events of its cycle:
 * drafted, submitted (in time or late), returned for revision, accepted, reopened after the deadline.
 * Each event is turned into a step ({@link reportStepOf}) that the projection keeps by aggregate
 * version; {@link foldReport} reads the steps in that order.
 */
import type { AnnualReportAcceptedV1, AnnualReportDraftSavedV1, AnnualReportReopenedV1, AnnualReportReturnedV1, AnnualReportSubmittedV1 } from '#events/index.js';
import { inVersionOrder, type Versioned } from './versioned.js';

/** The events of a report's cycle. */
export type AnnualReportEvent = AnnualReportDraftSavedV1 | AnnualReportSubmittedV1 | AnnualReportReturnedV1 | AnnualReportAcceptedV1 | AnnualReportReopenedV1;

/** Who returned a report: the upper committee or the discipline commission. */
export type ReturnedBy = AnnualReportReturnedV1['data']['by'];

/** What one event of the cycle says; `at` is when it happened (ISO 8601 with offset). */
export type ReportStep =
  | { readonly kind: 'draft'; readonly at: string; readonly version: number | null }
  | { readonly kind: 'submitted'; readonly at: string; readonly late: boolean; readonly version: number | null }
  | { readonly kind: 'returned'; readonly at: string; readonly version: number; readonly by: ReturnedBy; readonly reason: string }
  | { readonly kind: 'accepted'; readonly at: string; readonly version: number }
  | { readonly kind: 'reopened'; readonly at: string; readonly reason: string; readonly deadline: string };

/** Where a report is in its cycle. */
export type CycleStatus = 'draft' | 'submitted' | 'returned' | 'accepted' | 'reopened';

/** A report's state: its status, whether its last submission was late, its version and last change. */
export interface ReportState {
  readonly status: CycleStatus;
  /** The `late` of the last submission; false before any. */
  readonly late: boolean;
  /** The report's version as the last event that named one said; null when none did. */
  readonly version: number | null;
  /** When the last event happened; null for a report projected before times were kept. */
  readonly changedAt: string | null;
  /** Why and by whom the report was returned, while it is `returned`. */
  readonly returned: { readonly by: ReturnedBy; readonly reason: string } | null;
}

/** The step an event contributes, with its aggregate version. */
export const reportStepOf = (event: AnnualReportEvent): Versioned<ReportStep> => {
  const step = ((): ReportStep => {
    switch (event.type) {
      case 'reports.AnnualReportDraftSaved.v1':
        return { kind: 'draft', at: event.time, version: event.data.version ?? null };
      case 'reports.AnnualReportSubmitted.v1':
        return { kind: 'submitted', at: event.data.submittedAt, late: event.data.late, version: event.data.version ?? null };
      case 'reports.AnnualReportReturned.v1':
        return { kind: 'returned', at: event.time, version: event.data.version, by: event.data.by, reason: event.data.reason };
      case 'reports.AnnualReportAccepted.v1':
        return { kind: 'accepted', at: event.data.acceptedAt, version: event.data.version };
      case 'reports.AnnualReportReopened.v1':
        return { kind: 'reopened', at: event.time, reason: event.data.reason, deadline: event.data.deadline };
      default: {
        const unknown: never = event;
        throw new Error(`Unknown annual report event ${JSON.stringify(unknown)}`);
      }
    }
  })();
  return { aggregateVersion: event.aggregateversion, step };
};

/**
 * The state after one more step. A draft never takes a report back from where it has gone (a
 * returned or reopened report being revised stays so until it is submitted again); a submission
 * clears a return and sets `late`; a return, an acceptance and a reopening keep the last `late`.
 */
export const evolveReport = (state: ReportState | undefined, step: ReportStep): ReportState => {
  const late = state?.late ?? false;
  const version = state?.version ?? null;
  switch (step.kind) {
    case 'draft':
      return state
        ? { ...state, version: step.version ?? version, changedAt: step.at }
        : { status: 'draft', late: false, version: step.version, changedAt: step.at, returned: null };
    case 'submitted':
      return { status: 'submitted', late: step.late, version: step.version ?? version, changedAt: step.at, returned: null };
    case 'returned':
      return { status: 'returned', late, version: step.version, changedAt: step.at, returned: { by: step.by, reason: step.reason } };
    case 'accepted':
      return { status: 'accepted', late, version: step.version, changedAt: step.at, returned: null };
    case 'reopened':
      return { status: 'reopened', late, version, changedAt: step.at, returned: null };
    default: {
      const unknown: never = step;
      throw new Error(`Unknown report step ${JSON.stringify(unknown)}`);
    }
  }
};

/** The state the steps lead to, in aggregate version order; undefined when there are none. */
export const foldReport = (steps: ReadonlyArray<Versioned<ReportStep>>): ReportState | undefined =>
  inVersionOrder(steps).reduce<ReportState | undefined>((state, { step }) => evolveReport(state, step), undefined);
