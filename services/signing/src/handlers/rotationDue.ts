import { z } from 'zod';
import { createLogger } from '#shared/logger.js';
import { now } from '#shared/clock.js';
import { announceRotations } from '../app/risks.js';

const logger = createLogger('signing');

/**
 * The schedule's input: EventBridge Scheduler fills `scheduledTime` from its
 * `<aws.scheduler.scheduled-time>` context attribute; `npm run schedule -- --at` sets it locally.
 * https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-schedule-context-attributes.html
 */
const ScheduleInput = z.object({ scheduledTime: z.iso.datetime({ offset: true }).optional() });

/** Every day at 09:00 in Shanghai: the holders of risk posts due to rotate, announced once each. */
export const handler = async (input: unknown) => {
  const { scheduledTime } = ScheduleInput.parse(input ?? {});
  const result = await announceRotations(scheduledTime ? new Date(scheduledTime) : now());
  logger.info('Rotations announced', result);
  return result;
};
