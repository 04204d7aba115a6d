import { createLogger } from '#shared/logger.js';
import { unitDirectory } from '../adapters/reportRepository.js';

/** What every reports route's middleware needs: the logger and the unit directory. */
export const routeDependencies = { logger: createLogger('reports'), units: unitDirectory };
