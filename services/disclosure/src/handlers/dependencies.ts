import { createLogger } from '#shared/logger.js';
import { owners, unitDirectory } from '../adapters/disclosureRepository.js';

export const logger = createLogger('disclosure');
/** What every signed-in disclosure route's middleware needs: the logger, the unit directory and the owners of complaints. */
export const routeDependencies = { logger, units: unitDirectory, owners };
