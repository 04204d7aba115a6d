import inspections from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { listPatrols } from '../app/patrols.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/units/{unitId}/patrols` */
export const handler = httpHandler(inspections, 'listPatrols', routeDependencies, async ({ path, query }) => ok(await listPatrols(path.unitId, query.year)));
