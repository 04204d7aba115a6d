import { createLogger } from '#shared/logger.js';
import { owners, unitDirectory } from '../adapters/inspectionRepository.js';

/** What every inspections route's middleware needs: the logger, the unit directory and the owners of cases. */
export const routeDependencies = { logger: createLogger('inspections'), units: unitDirectory, owners };
