import interviews from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { listTalks } from '../app/talks.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/units/{unitId}/talks` */
export const handler = httpHandler(interviews, 'listTalks', routeDependencies, async ({ caller, path, query }) => ok(await listTalks(caller, path.unitId, query.year, now())));
