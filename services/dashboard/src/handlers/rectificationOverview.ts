import dashboard from '../../service.js';
import { httpHandler, ok } from '#shared/http/handler.js';
import { createLogger } from '#shared/logger.js';
import { now } from '#shared/clock.js';
import { rectificationOverview } from '../app/rectificationOverview.js';

/** `GET /api/dashboard/rectifications[?status=S][&overdue=true]` */
export const handler = httpHandler(dashboard, 'rectificationOverview', { logger: createLogger('dashboard') }, async ({ caller, query }) =>
  ok(await rectificationOverview(caller, query, now())),
);
