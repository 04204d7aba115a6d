import inspections from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { fileAccessLog } from '../app/files.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/units/{unitId}/people/{personId}/integrity-file/access-log` */
export const handler = httpHandler(inspections, 'fileAccessLog', routeDependencies, async ({ path }) => ok(await fileAccessLog(path.unitId, path.personId)));
