/**
 * The reports service's own code, called without the gateway and the HTTP handler: its adapters
 * (`getKnownUnit`, `getReport`, `saveReport`) and its app layer's `structureOf`, `dueAtOf` and `decideReportCommand`. These are the
 * baselines of the submit figures: what is left when the gateway, the JWT check, the middleware and
 * the handler are taken away.
 */
import { randomUUID } from 'node:crypto';
import { getKnownUnit, getReport, saveReport } from '#services/reports/src/adapters/reportRepository.js';
import { decideReportCommand, structureOf, type ReportDecision } from '#services/reports/src/app/annualReports.js';
import { dueAtOf } from '#services/reports/src/app/calendar.js';
import type { AnnualReport, ReportCommand, ReportContent } from '#services/reports/src/domain/annualReport.js';
import type { Caller } from '#shared/auth/claims.js';

/** The unit's secretary, as the bench's tokens name them. */
const benchCaller = (unitId: string): Caller => ({ subject: `bench-${unitId}`, role: 'unit_secretary', unitId });

/** A decided command at `at`, as the service decides it. */
export interface Decision extends ReportDecision {
  readonly at: Date;
}

/** Decides `command` on the report as read, with the service's own `decideReportCommand`. */
export const decideOn = (command: ReportCommand, current: AnnualReport | undefined, deadline: Date, at: Date): Decision => ({
  ...decideReportCommand(benchCaller(command.unitId), command, current, deadline, at, { correlationId: randomUUID() }),
  at,
});

/** The write alone: `saveReport`, one TransactWriteItems of the report and its outbox items. */
export const save = (decision: Decision): Promise<void> => saveReport(decision.next, decision.expectedVersion, decision.events, decision.at);

/** Saves a draft as the service does: read the report, decide, save (with its outbox item). */
export const saveDraftBare = async (unitId: string, year: number, draft: Omit<ReportContent, 'attachments'>): Promise<void> => {
  const [current, deadline] = await Promise.all([getReport(unitId, year), dueAtOf('annualReport', year)]);
  await save(decideOn({ kind: 'saveDraft', unitId, year, ...draft }, current, deadline, new Date()));
};

/** The submit's reads and decision, without the write: to time the write alone. */
export const prepareSubmit = async (unitId: string, year: number): Promise<Decision> => {
  const [current, items, deadline] = await Promise.all([getReport(unitId, year), structureOf(unitId, year), dueAtOf('annualReport', year)]);
  return decideOn({ kind: 'submit', unitId, year, items }, current, deadline, new Date());
};

/**
 * The whole submit path without gateway and handler: the unit, the report and its structure (the
 * published lists) read at once, decide (every item answered) and evolve, then `saveReport`.
 */
export const submitBare = async (unitId: string, year: number): Promise<void> => {
  const [unit, current, items, deadline] = await Promise.all([getKnownUnit(unitId), getReport(unitId, year), structureOf(unitId, year), dueAtOf('annualReport', year)]);
  if (!unit) throw new Error(`The reports service does not know unit ${unitId}`);
  await save(decideOn({ kind: 'submit', unitId, year, items }, current, deadline, new Date()));
};
