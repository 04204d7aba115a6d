import inspections from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { caseAccessLog } from '../app/cases.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/cases/{caseId}/access-log` */
export const handler = httpHandler(inspections, 'caseAccessLog', routeDependencies, async ({ path }) => ok(await caseAccessLog(path.caseId)));
