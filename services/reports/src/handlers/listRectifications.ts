import reports from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { listRectifications } from '../app/hearings.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/units/{unitId}/rectifications` */
export const handler = httpHandler(reports, 'listRectifications', routeDependencies, async ({ path }) => ok(await listRectifications(path.unitId, now())));
