import type { Caller } from '#shared/auth/claims.js';
import { ForbiddenError, NotFoundError } from '#shared/errors.js';
import { newEvent, type CloudEvent } from '#events/envelope.js';
import { annualReportDeadline } from '../config.js';
import { decide, evolve, type AnnualReport, type ReportCommand } from '../domain/annualReport.js';
import { getKnownUnit, getReport, saveReport } from '../adapters/reportRepository.js';

/**
 * Runs a command on a unit's annual report: the unit must exist and be the caller's own unit
 * (reports are written by the unit itself); then load, decide, evolve and save the new state with
 * its events' outbox items in one transaction.
 */
export const handleReportCommand = async (
  caller: Caller,
  command: ReportCommand,
  now: Date,
  correlationId: string,
): Promise<AnnualReport> => {
  // Both reads at once: they do not depend on each other, and the report is ignored on refusal.
  const [unit, current] = await Promise.all([getKnownUnit(command.unitId), getReport(command.unitId, command.year)]);
  if (!unit) throw new NotFoundError(`Unit ${command.unitId} does not exist`);
  if (caller.unitId !== command.unitId) throw new ForbiddenError('Only the unit’s own staff and secretary may write its annual report');

  const decided = decide(command, current, now, annualReportDeadline(command.year));
  const next = decided.reduce<AnnualReport | undefined>(evolve, current)!;
  const events: CloudEvent[] = decided.map((event, index) =>
    newEvent({
      type: event.type,
      source: '/services/reports',
      subject: `${command.unitId}/annual-reports/${command.year}`,
      unitId: command.unitId,
      aggregateVersion: (current?.version ?? 0) + index + 1,
      correlationId,
      time: now,
      data: event.data,
    }),
  );
  await saveReport(next, current?.version ?? 0, events, now);
  return next;
};
