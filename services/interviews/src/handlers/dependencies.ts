import { createLogger } from '#shared/logger.js';
import { owners, unitDirectory } from '../adapters/interviewRepository.js';

/** What every interviews route's middleware needs: the logger, the unit directory and the owners of talks and notices. */
export const routeDependencies = { logger: createLogger('interviews'), units: unitDirectory, owners };
