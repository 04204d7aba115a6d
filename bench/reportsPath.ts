/**
 * The reports service's own code, called without the gateway and the HTTP handler: its adapters
 * (`getKnownUnit`, `getReport`, `saveReport`) and its decider (`decide`, `evolve`). These are the
 * baselines of the submit figures: what is left when the gateway, the JWT check, the middleware and
 * the handler are taken away. (This mirrors `handleReportCommand` in the service's app layer, less
 * the caller's reach, which needs a caller.)
 */
import { randomUUID } from 'node:crypto';
import { newEvent, type CloudEvent } from '#events/envelope.js';
import { getKnownUnit, getReport, saveReport } from '#services/reports/src/adapters/reportRepository.js';
import { decide, evolve, type AnnualReport, type ReportCommand, type Section } from '#services/reports/src/domain/annualReport.js';
import { annualReportDeadline } from '#services/reports/src/config.js';

/** A decided command: the state to save, the version it was read at, and the events, at `at`. */
export interface Decision {
  readonly next: AnnualReport;
  readonly expectedVersion: number;
  readonly events: readonly CloudEvent[];
  readonly at: Date;
}

/** Decides `command` on the report as read, and builds its events as the service does. */
export const decideOn = (command: ReportCommand, current: AnnualReport | undefined, at: Date): Decision => {
  const decided = decide(command, current, at, annualReportDeadline(command.year));
  const next = decided.reduce<AnnualReport | undefined>(evolve, current)!;
  const correlationId = randomUUID();
  const events = decided.map((event, index) =>
    newEvent({
      type: event.type,
      source: '/services/reports',
      subject: `${command.unitId}/annual-reports/${command.year}`,
      unitId: command.unitId,
      aggregateVersion: (current?.version ?? 0) + index + 1,
      correlationId,
      time: at,
      data: event.data,
    }),
  );
  return { next, expectedVersion: current?.version ?? 0, events, at };
};

/** The write alone: `saveReport`, one TransactWriteItems of the report and its outbox items. */
export const save = (decision: Decision): Promise<void> => saveReport(decision.next, decision.expectedVersion, decision.events, decision.at);

/** Saves a draft as the service does: read the report, decide, save (with its outbox item). */
export const saveDraftBare = async (unitId: string, year: number, draft: { summary: string; sections: readonly Section[] }): Promise<void> =>
  save(decideOn({ kind: 'saveDraft', unitId, year, ...draft }, await getReport(unitId, year), new Date()));

/** The submit's read and decision, without the write: to time the write alone. */
export const prepareSubmit = async (unitId: string, year: number): Promise<Decision> =>
  decideOn({ kind: 'submit', unitId, year }, await getReport(unitId, year), new Date());

/**
 * The whole submit path without gateway and handler: the unit and the report read at once (as the
 * service reads them), decide and evolve, then `saveReport`.
 */
export const submitBare = async (unitId: string, year: number): Promise<void> => {
  const [unit, current] = await Promise.all([getKnownUnit(unitId), getReport(unitId, year)]);
  if (!unit) throw new Error(`The reports service does not know unit ${unitId}`);
  await save(decideOn({ kind: 'submit', unitId, year }, current, new Date()));
};
