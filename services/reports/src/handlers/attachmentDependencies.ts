import { createLogger } from '#shared/logger.js';
import { unitDirectory } from '../adapters/reportRepository.js';

/** What every attachment route's middleware needs: the logger and the units the service knows. */
export const attachmentRouteDependencies = { logger: createLogger('reports'), units: unitDirectory };
