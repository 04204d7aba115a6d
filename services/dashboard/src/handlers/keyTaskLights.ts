import dashboard from '../../service.js';
import { httpHandler, ok } from '#shared/http/handler.js';
import { createLogger } from '#shared/logger.js';
import { keyTaskLights } from '../app/keyTaskLights.js';

/** `GET /api/dashboard/key-task-lights?year=Y` */
export const handler = httpHandler(dashboard, 'keyTaskLights', { logger: createLogger('dashboard') }, async ({ caller, query }) => ok(await keyTaskLights(caller, query.year)));
