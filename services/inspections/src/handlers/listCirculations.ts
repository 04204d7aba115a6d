import inspections from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { circulations } from '../app/circulations.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/units/{unitId}/accountability-circulations` */
export const handler = httpHandler(inspections, 'listCirculations', routeDependencies, async ({ path, query }) => ok(await circulations(path.unitId, query.year)));
