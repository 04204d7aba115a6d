import dashboard from '../../service.js';
import { httpHandler, ok } from '#shared/http/handler.js';
import { createLogger } from '#shared/logger.js';
import { signingCoverage } from '../app/signingCoverage.js';

/** `GET /api/dashboard/signing?year=Y` */
export const handler = httpHandler(dashboard, 'signingCoverage', { logger: createLogger('dashboard') }, async ({ caller, query }) => ok(await signingCoverage(caller, query.year)));
