import { createLogger } from '#shared/logger.js';
import { now } from '#shared/clock.js';
import { scheduledTimeOf } from '#shared/schedule.js';
import { announceRotations } from '../app/risks.js';

const logger = createLogger('signing');

/** Every day at 09:00 in Shanghai: the holders of risk posts due to rotate, announced once each. */
export const handler = async (input: unknown) => {
  const result = await announceRotations(scheduledTimeOf(input, now));
  logger.info('Rotations announced', result);
  return result;
};
