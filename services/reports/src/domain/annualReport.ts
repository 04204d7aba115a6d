/**
 * The annual report on the main responsibility, as a decider: `decide(command, state, context)`
 * gives the events or throws; `evolve(state, event)` gives the next state. No I/O; time is passed in.
 *
 * The report answers items: the published list items of the unit's committee and secretary, and the
 * required items of the secretary's duty-and-integrity statement. Every saved draft is a numbered
 * version, kept. The flow is draft → submitted → returned (for revision) → submitted → accepted.
 * After the deadline a unit may still submit once (flagged late); after that, entry is locked until
 * the upper level reopens the report with a reason and a new deadline.
 */
import { ConflictError, NotFoundError, RuleError } from '#shared/errors.js';
import type { Actor } from '#events/people.js';
import type { Evidence } from '#events/reports/parts.js';
import type { AnnualReportAcceptedData } from '#events/reports/AnnualReportAccepted.v1.js';
import type { AnnualReportDraftSavedData } from '#events/reports/AnnualReportDraftSaved.v1.js';
import type { AnnualReportReopenedData } from '#events/reports/AnnualReportReopened.v1.js';
import type { AnnualReportReturnedData } from '#events/reports/AnnualReportReturned.v1.js';
import type { AnnualReportSubmittedData } from '#events/reports/AnnualReportSubmitted.v1.js';
import { toCstIso } from '#events/envelope.js';

export interface Section {
  readonly title: string;
  readonly content: string;
}

/** One item the report must answer: a list item, or an item of the statement template. */
export interface ReportItem {
  readonly itemId: string;
  readonly part: 'list' | 'statement';
  /** The list or the statement category it belongs to. */
  readonly heading: string;
  readonly text: string;
}

/** What a saved draft holds: the answers by item id, the free summary and sections, and attachments. */
export interface ReportContent {
  readonly summary: string;
  readonly sections: readonly Section[];
  readonly answers: Readonly<Record<string, string>>;
  readonly attachments: readonly Evidence[];
}

export type ReportStatus = 'draft' | 'submitted' | 'returned' | 'accepted';

export interface AnnualReport extends ReportContent {
  readonly unitId: string;
  readonly year: number;
  readonly status: ReportStatus;
  /** Events applied: the report's write version. */
  readonly version: number;
  /** The number of the last saved draft (versions 1, 2, … are kept). */
  readonly draft: number;
  readonly submittedAt?: string;
  /** The draft number submitted last. */
  readonly submittedDraft?: number;
  readonly late?: boolean;
  readonly returned?: { readonly by: AnnualReportReturnedData['by']; readonly reason: string; readonly at: string };
  readonly acceptedAt?: string;
  /** The deadline set by a reopening; the calendar's deadline otherwise. */
  readonly reopened?: { readonly reason: string; readonly deadline: string };
}

export type ReportCommand =
  | ({ readonly kind: 'saveDraft'; readonly unitId: string; readonly year: number } & Partial<ReportContent> & Pick<ReportContent, 'summary'>)
  | { readonly kind: 'submit'; readonly unitId: string; readonly year: number; readonly items: readonly ReportItem[] }
  | { readonly kind: 'return'; readonly unitId: string; readonly year: number; readonly by: AnnualReportReturnedData['by']; readonly reason: string }
  | { readonly kind: 'accept'; readonly unitId: string; readonly year: number }
  | { readonly kind: 'reopen'; readonly unitId: string; readonly year: number; readonly reason: string; readonly deadline: Date };

export type ReportEvent =
  | { readonly type: 'reports.AnnualReportDraftSaved.v1'; readonly data: AnnualReportDraftSavedData; readonly content: ReportContent }
  | { readonly type: 'reports.AnnualReportSubmitted.v1'; readonly data: AnnualReportSubmittedData }
  | { readonly type: 'reports.AnnualReportReturned.v1'; readonly data: AnnualReportReturnedData; readonly at: string }
  | { readonly type: 'reports.AnnualReportAccepted.v1'; readonly data: AnnualReportAcceptedData }
  | { readonly type: 'reports.AnnualReportReopened.v1'; readonly data: AnnualReportReopenedData };

/** What a decision needs besides the command and the state. */
export interface ReportContext {
  readonly now: Date;
  /** The calendar's deadline of the year (31 January of year+1, by default). */
  readonly deadline: Date;
  readonly actor: Actor;
}

/** The deadline that holds for the report: the reopening's, or the calendar's. */
export const deadlineOf = (state: AnnualReport | undefined, calendar: Date): Date => (state?.reopened ? new Date(state.reopened.deadline) : calendar);

/** To the second: 23:59:59.999 is still on time. */
const after = (now: Date, deadline: Date) => Math.floor(now.getTime() / 1000) > Math.floor(deadline.getTime() / 1000);

/** Whether the unit may no longer enter anything: past the deadline and already submitted once. */
export const isLocked = (state: AnnualReport | undefined, now: Date, calendar: Date): boolean =>
  state?.submittedAt !== undefined && after(now, deadlineOf(state, calendar)) && state.status !== 'submitted' && state.status !== 'accepted';

/** The required items not answered (an answer of only spaces is none), in the structure's order. */
export const missingItems = (items: readonly ReportItem[], answers: Readonly<Record<string, string>>): ReportItem[] => items.filter((item) => !(answers[item.itemId] ?? '').trim());

/** The item as the 422 names it: its place, its part, its text and its id. */
const describe = (item: ReportItem, index: number) => `第${index + 1}项（${item.part === 'list' ? '责任清单' : '述责述廉'}·${item.heading}）「${item.text}」未填写`;

const lockedMessage = (year: number) => `${year}年度报告已过截止时间并已提交，填报已锁定；如需修改，请由上级重新开放`;

/** Decides a command against the current report. */
export const decide = (command: ReportCommand, state: AnnualReport | undefined, { now, deadline, actor }: ReportContext): ReportEvent[] => {
  const { unitId, year } = command;
  switch (command.kind) {
    case 'saveDraft': {
      if (state?.status === 'submitted' || state?.status === 'accepted') throw new ConflictError(`The annual report ${year} is ${state.status}; it can no longer be edited`);
      if (isLocked(state, now, deadline)) throw new ConflictError(lockedMessage(year));
      const content: ReportContent = {
        summary: command.summary,
        sections: command.sections ?? state?.sections ?? [],
        answers: command.answers ?? state?.answers ?? {},
        attachments: command.attachments ?? state?.attachments ?? [],
      };
      return [
        {
          type: 'reports.AnnualReportDraftSaved.v1',
          data: { unitId, year, sectionCount: content.sections.length, version: (state?.draft ?? 0) + 1, actor },
          content,
        },
      ];
    }
    case 'submit': {
      if (!state) throw new NotFoundError(`There is no draft of the annual report ${year} to submit`);
      if (state.status === 'submitted' || state.status === 'accepted') throw new ConflictError(`The annual report ${year} is already ${state.status}`);
      if (isLocked(state, now, deadline)) throw new ConflictError(lockedMessage(year));
      const missing = missingItems(command.items, state.answers);
      if (missing.length > 0) {
        throw new RuleError(
          `${missing.length} required item(s) of the annual report ${year} are not answered`,
          missing.map((item) => ({ path: `answers.${item.itemId}`, message: describe(item, command.items.indexOf(item)) })),
        );
      }
      const due = deadlineOf(state, deadline);
      return [
        {
          type: 'reports.AnnualReportSubmitted.v1',
          data: { unitId, year, submittedAt: toCstIso(now), deadline: toCstIso(due), late: after(now, due), version: state.draft, resubmission: state.returned !== undefined, actor },
        },
      ];
    }
    case 'return':
    case 'accept': {
      if (state?.status !== 'submitted') throw new ConflictError(`The annual report ${year} is ${state?.status ?? 'not written'}; only a submitted report can be ${command.kind === 'return' ? 'returned' : 'accepted'}`);
      if (command.kind === 'accept') return [{ type: 'reports.AnnualReportAccepted.v1', data: { unitId, year, version: state.draft, acceptedAt: toCstIso(now), actor } }];
      return [{ type: 'reports.AnnualReportReturned.v1', data: { unitId, year, version: state.draft, by: command.by, reason: command.reason, actor }, at: toCstIso(now) }];
    }
    case 'reopen': {
      if (state?.status === 'accepted') throw new ConflictError(`The annual report ${year} is accepted; it cannot be reopened`);
      if (!after(now, deadlineOf(state, deadline))) throw new RuleError(`The annual report ${year} is not past its deadline`, [{ path: 'deadline', message: '报告尚未过截止时间，无需重新开放' }]);
      if (!after(command.deadline, now)) throw new RuleError('The new deadline is not in the future', [{ path: 'deadline', message: '新的截止时间须晚于当前时间' }]);
      return [{ type: 'reports.AnnualReportReopened.v1', data: { unitId, year, reason: command.reason, deadline: toCstIso(command.deadline), actor } }];
    }
    default: {
      const unknown: never = command;
      throw new Error(`Unknown command ${JSON.stringify(unknown)}`);
    }
  }
};

const empty = (unitId: string, year: number): AnnualReport => ({ unitId, year, status: 'draft', version: 0, draft: 0, summary: '', sections: [], answers: {}, attachments: [] });

/** Applies an event to the report. */
export const evolve = (state: AnnualReport | undefined, event: ReportEvent): AnnualReport => {
  const current = state ?? empty(event.data.unitId, event.data.year);
  const version = current.version + 1;
  switch (event.type) {
    case 'reports.AnnualReportDraftSaved.v1':
      // Saving after a return keeps the reason on view until the report is submitted again.
      return { ...current, ...event.content, status: current.status === 'returned' ? 'returned' : 'draft', draft: event.data.version ?? current.draft + 1, version };
    case 'reports.AnnualReportSubmitted.v1':
      return { ...current, status: 'submitted', submittedAt: event.data.submittedAt, submittedDraft: event.data.version ?? current.draft, late: event.data.late, version };
    case 'reports.AnnualReportReturned.v1':
      return { ...current, status: 'returned', returned: { by: event.data.by, reason: event.data.reason, at: event.at }, version };
    case 'reports.AnnualReportAccepted.v1':
      return { ...current, status: 'accepted', acceptedAt: event.data.acceptedAt, version };
    case 'reports.AnnualReportReopened.v1':
      // Reopened: the unit may enter and submit again until the new deadline.
      return { ...current, status: current.status === 'submitted' ? 'returned' : current.status, reopened: { reason: event.data.reason, deadline: event.data.deadline }, version };
    default: {
      const unknown: never = event;
      throw new Error(`Unknown event ${JSON.stringify(unknown)}`);
    }
  }
};

/** How one item differs between two versions. */
export interface ItemChange {
  readonly itemId: string;
  readonly text: string;
  readonly before: string;
  readonly after: string;
  readonly change: 'added' | 'removed' | 'changed' | 'same';
}

const changeOf = (before: string, after: string): ItemChange['change'] => (before === after ? 'same' : !before.trim() ? 'added' : !after.trim() ? 'removed' : 'changed');

/**
 * Two versions compared item by item: every structure item, then any other answered item, then the
 * summary and the free sections by title.
 */
export const compareVersions = (items: readonly ReportItem[], from: ReportContent, to: ReportContent): ItemChange[] => {
  const known = new Set(items.map((i) => i.itemId));
  const others = [...new Set([...Object.keys(from.answers), ...Object.keys(to.answers)])].filter((id) => !known.has(id)).sort();
  const sectionTitles = [...new Set([...from.sections, ...to.sections].map((s) => s.title))];
  const sectionText = (content: ReportContent, title: string) => content.sections.filter((s) => s.title === title).map((s) => s.content).join('\n');
  const row = (itemId: string, text: string, before: string, after: string): ItemChange => ({ itemId, text, before, after, change: changeOf(before, after) });
  return [
    ...items.map((i) => row(i.itemId, i.text, from.answers[i.itemId] ?? '', to.answers[i.itemId] ?? '')),
    ...others.map((id) => row(id, '（已不在报告结构中的条目）', from.answers[id] ?? '', to.answers[id] ?? '')),
    row('summary', '总体情况', from.summary, to.summary),
    ...sectionTitles.map((title) => row(`section:${title}`, title, sectionText(from, title), sectionText(to, title))),
  ];
};
