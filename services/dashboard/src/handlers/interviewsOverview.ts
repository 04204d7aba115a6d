import dashboard from '../../service.js';
import { httpHandler, ok } from '#shared/http/handler.js';
import { createLogger } from '#shared/logger.js';
import { interviewsOverview } from '../app/interviewsOverview.js';

/** `GET /api/dashboard/interviews?year=Y[&unitId=U]` */
export const handler = httpHandler(dashboard, 'interviewsOverview', { logger: createLogger('dashboard') }, async ({ caller, query }) => ok(await interviewsOverview(caller, query)));
