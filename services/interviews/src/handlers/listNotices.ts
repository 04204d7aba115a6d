import interviews from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { listNotices } from '../app/notices.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/units/{unitId}/warning-notices` */
export const handler = httpHandler(interviews, 'listNotices', routeDependencies, async ({ caller, path, query }) => ok(await listNotices(caller, path.unitId, query.year)));
