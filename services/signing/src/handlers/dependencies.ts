import { createLogger } from '#shared/logger.js';
import { unitDirectory } from '../adapters/unitRepository.js';
import { letterOwner } from '../adapters/letterRepository.js';
import { pledgeOwner } from '../adapters/riskRepository.js';

/** What every signing route's middleware needs: the logger, the unit directory and the owners of letters and pledges. */
export const routeDependencies = { logger: createLogger('signing'), units: unitDirectory, owners: { letter: letterOwner, pledge: pledgeOwner } };
