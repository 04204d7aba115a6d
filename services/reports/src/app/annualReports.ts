import type { Caller } from '#shared/auth/claims.js';
import { ForbiddenError, NotFoundError, RuleError } from '#shared/errors.js';
import { toCstIso, type Causation, type CloudEvent } from '#events/envelope.js';
import { actorOf } from '#events/people.js';
import { chengduStatement, reportedListSubjects } from '../config.js';
import { compareVersions, decide, deadlineOf, evolve, isLocked, missingItems, type AnnualReport, type ReportCommand, type ReportContent, type ReportItem } from '../domain/annualReport.js';
import { draftHistory, getDraft, getReport, publishedLists, saveReport, type SavedDraft } from '../adapters/reportRepository.js';
import { reportsEvent } from './events.js';
import { dueAtOf } from './calendar.js';

const listHeadings: Record<(typeof reportedListSubjects)[number], string> = { committee: '党委（党组）主体责任清单', firstResponsiblePerson: '第一责任人责任清单' };

/**
 * The items a unit's report answers, in order: the items of its committee's and its secretary's
 * published lists of the year, then the required items of the statement template.
 */
export const structureOf = async (unitId: string, year: number): Promise<ReportItem[]> => {
  const lists = await publishedLists(unitId, year);
  const fromLists = reportedListSubjects.flatMap((subject) =>
    lists
      .filter((l) => l.subject === subject)
      .flatMap((l) => l.items.map((item): ReportItem => ({ itemId: item.itemId, part: 'list', heading: listHeadings[subject], text: item.text }))),
  );
  const statement = chengduStatement.flatMap((category) => category.items.map((item): ReportItem => ({ itemId: item.itemId, part: 'statement', heading: category.title, text: item.text })));
  return [...fromLists, ...statement];
};

/** A decided command: the state to save, the version it was read at, and its events. */
export interface ReportDecision {
  readonly next: AnnualReport;
  readonly expectedVersion: number;
  readonly events: readonly CloudEvent[];
}

/** A command as a route gives it: a submission's items are the report's structure, found here. */
export type ReportRequest = Exclude<ReportCommand, { kind: 'submit' }> | { readonly kind: 'submit'; readonly unitId: string; readonly year: number };

/**
 * Decides a command on the report as read, against the calendar's deadline of its year, evolves it
 * and wraps its events in envelopes. A reopening also moves the unit's own deadline in the calendar.
 */
export const decideReportCommand = (caller: Caller, command: ReportCommand, current: AnnualReport | undefined, deadline: Date, now: Date, cause: Causation): ReportDecision => {
  const actor = actorOf(caller);
  const decided = decide(command, current, { now, deadline, actor });
  const next = decided.reduce<AnnualReport | undefined>(evolve, current)!;
  const subject = `${command.unitId}/annual-reports/${command.year}`;
  const version = current?.version ?? 0;
  const events: CloudEvent[] = decided.map((event, index) => reportsEvent(event.type, { subject, unitId: command.unitId, version: version + index + 1 }, event.data as never, cause, now));
  if (command.kind === 'reopen') {
    const moved = { year: command.year, kind: 'annualReport' as const, unitId: command.unitId, dueAt: toCstIso(command.deadline), previousDueAt: toCstIso(deadlineOf(current, deadline)), reason: command.reason, actor };
    events.push(reportsEvent('reports.DeadlineCalendarChanged.v1', { subject, unitId: command.unitId, version: version + events.length + 1 }, moved, cause, now));
  }
  return { next, expectedVersion: version, events };
};

/** Answers keyed by item id must name items of the report's structure. */
const checkAnswers = (items: readonly ReportItem[], answers: Readonly<Record<string, string>> | undefined): void => {
  const known = new Set(items.map((i) => i.itemId));
  const unknown = Object.keys(answers ?? {}).filter((id) => !known.has(id));
  if (unknown.length > 0) throw new RuleError('Answers name items that are not in the report', unknown.map((id) => ({ path: `answers.${id}`, message: `条目 ${id} 不在本单位本年度报告的结构中` })));
};

/**
 * Runs a command on a unit's annual report: load, decide, evolve and save the new state (and the
 * saved draft) with its events' outbox items in one transaction. Returning and accepting are the
 * upper committee's or the commission's, by the caller's role (the route lets only the levels above).
 */
export const handleReportCommand = async (caller: Caller, command: ReportRequest, now: Date, cause: Causation): Promise<AnnualReport> => {
  // The route's reach guard has found the unit; a report is still written by the unit's own people only.
  if ((command.kind === 'saveDraft' || command.kind === 'submit') && caller.unitId !== command.unitId) throw new ForbiddenError('Only the unit’s own staff and secretary may write its annual report');
  // The report and its structure (the published lists) are read at once.
  const needsStructure = command.kind === 'submit' || (command.kind === 'saveDraft' && command.answers !== undefined);
  const [current, items, deadline] = await Promise.all([
    getReport(command.unitId, command.year),
    needsStructure ? structureOf(command.unitId, command.year) : Promise.resolve([]),
    dueAtOf('annualReport', command.year),
  ]);
  if (command.kind === 'saveDraft') checkAnswers(items, command.answers);
  const decided = decideReportCommand(caller, command.kind === 'submit' ? { ...command, items } : command, current, deadline, now, cause);
  const saved: SavedDraft | undefined =
    command.kind === 'saveDraft'
      ? { draft: decided.next.draft, savedAt: now.toISOString(), savedBy: caller.subject, summary: decided.next.summary, sections: decided.next.sections, answers: decided.next.answers, attachments: decided.next.attachments }
      : undefined;
  await saveReport(decided.next, decided.expectedVersion, decided.events, now, saved);
  return decided.next;
};

/** The report as a reader sees it: its state, its structure with what is missing, and its deadline. */
export const viewReport = async (unitId: string, year: number, now: Date) => {
  const [report, items, calendar] = await Promise.all([getReport(unitId, year), structureOf(unitId, year), dueAtOf('annualReport', year)]);
  const answers = report?.answers ?? {};
  return {
    unitId,
    year,
    status: report?.status ?? 'notStarted',
    report: report ?? null,
    items: items.map((item) => ({ ...item, answered: Boolean((answers[item.itemId] ?? '').trim()) })),
    missing: missingItems(items, answers).map((i) => i.itemId),
    deadline: deadlineOf(report, calendar).toISOString(),
    locked: isLocked(report, now, calendar),
  };
};

/** The saved drafts of a report: the version history. */
export const reportHistory = async (unitId: string, year: number) => ({ unitId, year, versions: await draftHistory(unitId, year) });

const draftOrFail = async (unitId: string, year: number, draft: number): Promise<ReportContent> => {
  const saved = await getDraft(unitId, year, draft);
  if (!saved) throw new NotFoundError(`The annual report ${year} has no version ${draft}`);
  return saved;
};

/** Two saved versions compared item by item. */
export const compareReportVersions = async (unitId: string, year: number, from: number, to: number) => {
  const [items, before, after] = await Promise.all([structureOf(unitId, year), draftOrFail(unitId, year, from), draftOrFail(unitId, year, to)]);
  const changes = compareVersions(items, before, after);
  return { unitId, year, from, to, changed: changes.filter((c) => c.change !== 'same').length, items: changes };
};
