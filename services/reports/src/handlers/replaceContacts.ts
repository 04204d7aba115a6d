import reports from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { replaceContacts } from '../app/notices.js';
import { routeDependencies } from './dependencies.js';

/** `PUT /api/units/{unitId}/notification-contacts` */
export const handler = httpHandler(reports, 'replaceContacts', routeDependencies, async ({ path, body }) => ok(await replaceContacts(path.unitId, body.contacts)));
