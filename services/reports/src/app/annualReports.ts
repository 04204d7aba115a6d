import type { Caller } from '#shared/auth/claims.js';
import { ForbiddenError } from '#shared/errors.js';
import { newEvent, type Causation, type CloudEvent } from '#events/envelope.js';
import { annualReportDeadline } from '../config.js';
import { decide, evolve, type AnnualReport, type ReportCommand } from '../domain/annualReport.js';
import { getReport, saveReport } from '../adapters/reportRepository.js';

/** A decided command: the state to save, the version it was read at, and its events. */
export interface ReportDecision {
  readonly next: AnnualReport;
  readonly expectedVersion: number;
  readonly events: readonly CloudEvent[];
}

/** Decides a command on the report as read, evolves it and wraps its events in envelopes. */
export const decideReportCommand = (command: ReportCommand, current: AnnualReport | undefined, now: Date, cause: Causation): ReportDecision => {
  const decided = decide(command, current, now, annualReportDeadline(command.year));
  const next = decided.reduce<AnnualReport | undefined>(evolve, current)!;
  const events = decided.map((event, index) =>
    newEvent({
      type: event.type,
      source: '/services/reports',
      subject: `${command.unitId}/annual-reports/${command.year}`,
      unitId: command.unitId,
      aggregateVersion: (current?.version ?? 0) + index + 1,
      ...cause,
      time: now,
      data: event.data,
    }),
  );
  return { next, expectedVersion: current?.version ?? 0, events };
};

/**
 * Runs a command on a unit's annual report: load, decide, evolve and save the new state with its
 * events' outbox items in one transaction. The route's reach guard has found the unit; the report
 * is still refused to anyone but the unit's own people (reports are written by the unit itself).
 */
export const handleReportCommand = async (caller: Caller, command: ReportCommand, now: Date, cause: Causation): Promise<AnnualReport> => {
  if (caller.unitId !== command.unitId) throw new ForbiddenError('Only the unit’s own staff and secretary may write its annual report');
  const { next, expectedVersion, events } = decideReportCommand(command, await getReport(command.unitId, command.year), now, cause);
  await saveReport(next, expectedVersion, events, now);
  return next;
};
