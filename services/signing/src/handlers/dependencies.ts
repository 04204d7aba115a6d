import { createLogger } from '#shared/logger.js';
import { unitDirectory } from '../adapters/unitRepository.js';
import { letterOwner } from '../adapters/letterRepository.js';

/** What every signing route's middleware needs: the logger, the unit directory and the letters' owners. */
export const routeDependencies = { logger: createLogger('signing'), units: unitDirectory, owners: { letter: letterOwner } };
