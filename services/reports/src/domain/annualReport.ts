/**
 * The annual report on the main responsibility, as a decider: `decide(command, state, now)` gives
 * the events or throws; `evolve(state, event)` gives the next state. No I/O; time is passed in.
 */
import { ConflictError, NotFoundError } from '#shared/errors.js';
import type { AnnualReportDraftSavedData } from '#events/reports/AnnualReportDraftSaved.v1.js';
import type { AnnualReportSubmittedData } from '#events/reports/AnnualReportSubmitted.v1.js';
import { toCstIso } from '#events/envelope.js';

export interface Section {
  readonly title: string;
  readonly content: string;
}

export interface AnnualReport {
  readonly unitId: string;
  readonly year: number;
  readonly status: 'draft' | 'submitted';
  readonly summary: string;
  readonly sections: readonly Section[];
  readonly version: number;
  readonly submittedAt?: string;
  readonly late?: boolean;
}

export type ReportCommand =
  | { readonly kind: 'saveDraft'; readonly unitId: string; readonly year: number; readonly summary: string; readonly sections: readonly Section[] }
  | { readonly kind: 'submit'; readonly unitId: string; readonly year: number };

export type ReportEvent =
  | { readonly type: 'reports.AnnualReportDraftSaved.v1'; readonly data: AnnualReportDraftSavedData; readonly draft: { summary: string; sections: readonly Section[] } }
  | { readonly type: 'reports.AnnualReportSubmitted.v1'; readonly data: AnnualReportSubmittedData };

/** Decides a command against the current report; `deadline` is when the report is due. */
export const decide = (command: ReportCommand, state: AnnualReport | undefined, now: Date, deadline: Date): ReportEvent[] => {
  switch (command.kind) {
    case 'saveDraft':
      if (state?.status === 'submitted') throw new ConflictError(`The annual report ${command.year} is already submitted`);
      return [
        {
          type: 'reports.AnnualReportDraftSaved.v1',
          data: { unitId: command.unitId, year: command.year, sectionCount: command.sections.length },
          draft: { summary: command.summary, sections: command.sections },
        },
      ];
    case 'submit': {
      if (!state) throw new NotFoundError(`There is no draft of the annual report ${command.year} to submit`);
      if (state.status === 'submitted') throw new ConflictError(`The annual report ${command.year} is already submitted`);
      // The deadline is to the second: 23:59:59.999 is still on time.
      const late = Math.floor(now.getTime() / 1000) > Math.floor(deadline.getTime() / 1000);
      return [
        {
          type: 'reports.AnnualReportSubmitted.v1',
          data: { unitId: command.unitId, year: command.year, submittedAt: toCstIso(now), deadline: toCstIso(deadline), late },
        },
      ];
    }
    default: {
      const unknown: never = command;
      throw new Error(`Unknown command ${JSON.stringify(unknown)}`);
    }
  }
};

/** Applies an event to the report. */
export const evolve = (state: AnnualReport | undefined, event: ReportEvent): AnnualReport => {
  const version = (state?.version ?? 0) + 1;
  switch (event.type) {
    case 'reports.AnnualReportDraftSaved.v1':
      return { unitId: event.data.unitId, year: event.data.year, status: 'draft', ...event.draft, version };
    case 'reports.AnnualReportSubmitted.v1':
      if (!state) throw new Error('A report is submitted only after a draft');
      return { ...state, status: 'submitted', submittedAt: event.data.submittedAt, late: event.data.late, version };
    default: {
      const unknown: never = event;
      throw new Error(`Unknown event ${JSON.stringify(unknown)}`);
    }
  }
};
