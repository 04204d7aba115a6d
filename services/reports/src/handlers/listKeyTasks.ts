import reports from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { listKeyTasks } from '../app/keyTasks.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/units/{unitId}/key-tasks` */
export const handler = httpHandler(reports, 'listKeyTasks', routeDependencies, async ({ path, query }) => ok(await listKeyTasks(path.unitId, query.year)));
