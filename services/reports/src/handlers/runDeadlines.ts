import { createLogger } from '#shared/logger.js';
import { now } from '#shared/clock.js';
import { scheduledTimeOf } from '#shared/schedule.js';
import { runDeadlines } from '../app/reminderRun.js';

const logger = createLogger('reports');

/**
 * The daily run of the deadline engine (09:00 Asia/Shanghai), for the moment its schedule stands
 * for: it decides the day's reminders and escalations; their records' inserts send them.
 */
export const handler = async (input: unknown) => {
  const at = scheduledTimeOf(input, now);
  const summary = await runDeadlines(at);
  logger.info('Deadline run', { ...summary, deadlines: summary.deadlines.length });
  return summary;
};
