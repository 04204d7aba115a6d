import { createLogger } from '#shared/logger.js';
import { now } from '#shared/clock.js';
import { scheduledTimeOf } from '#shared/schedule.js';
import { toCstIso } from '#events/envelope.js';
import { annualReportDeadline } from '../config.js';
import { submissionsOf } from '../adapters/reportRepository.js';

const logger = createLogger('reports');

/** A week before 31 January: how many units have not yet submitted last year's annual report. */
export const handler = async (input: unknown) => {
  const at = scheduledTimeOf(input, now);
  const year = Number(toCstIso(at).slice(0, 4)) - 1;
  const { unitIds, submitted } = await submissionsOf(year);
  const pending = unitIds.filter((id) => !submitted.has(id));
  const summary = { year, deadline: toCstIso(annualReportDeadline(year)), expected: unitIds.length, pending: pending.length };
  logger.info('Annual report reminder', summary);
  return summary;
};
