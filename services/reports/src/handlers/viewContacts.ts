import reports from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { viewContacts } from '../app/notices.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/units/{unitId}/notification-contacts` */
export const handler = httpHandler(reports, 'viewContacts', routeDependencies, async ({ path }) => ok(await viewContacts(path.unitId)));
