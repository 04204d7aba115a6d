import dashboard from '../../service.js';
import { httpHandler, ok } from '#shared/http/handler.js';
import { createLogger } from '#shared/logger.js';
import { now } from '#shared/clock.js';
import { reminderOverview } from '../app/reminderOverview.js';

/** `GET /api/dashboard/reminders[?unitId=U][&kind=K][&status=S]` */
export const handler = httpHandler(dashboard, 'reminderOverview', { logger: createLogger('dashboard') }, async ({ caller, query }) =>
  ok(await reminderOverview(caller, query, now())),
);
