import inspections from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { ecologyOf } from '../app/patrols.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/units/{unitId}/political-ecology` */
export const handler = httpHandler(inspections, 'listEcology', routeDependencies, async ({ path, query }) => ok(await ecologyOf(path.unitId, query.year)));
