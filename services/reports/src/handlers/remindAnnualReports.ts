import { z } from 'zod';
import { createLogger } from '#shared/logger.js';
import { now } from '#shared/clock.js';
import { toCstIso } from '#events/envelope.js';
import { annualReportDeadline } from '../config.js';
import { submissionsOf } from '../adapters/reportRepository.js';

const logger = createLogger('reports');

/**
 * The schedule's input. EventBridge Scheduler fills `scheduledTime` from its
 * `<aws.scheduler.scheduled-time>` context attribute; `npm run schedule -- --at` sets it locally.
 * https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-schedule-context-attributes.html
 */
const ScheduleInput = z.object({ scheduledTime: z.iso.datetime({ offset: true }).optional() });

/** A week before 31 January: how many units have not yet submitted last year's annual report. */
export const handler = async (input: unknown) => {
  const { scheduledTime } = ScheduleInput.parse(input ?? {});
  const at = scheduledTime ? new Date(scheduledTime) : now();
  const year = Number(toCstIso(at).slice(0, 4)) - 1;
  const { unitIds, submitted } = await submissionsOf(year);
  const pending = unitIds.filter((id) => !submitted.has(id));
  const summary = { year, deadline: toCstIso(annualReportDeadline(year)), expected: unitIds.length, pending: pending.length };
  logger.info('Annual report reminder', summary);
  return summary;
};
