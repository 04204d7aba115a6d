import inspections from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { listCases } from '../app/cases.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/units/{unitId}/cases` */
export const handler = httpHandler(inspections, 'listCases', routeDependencies, async ({ path, query }) => ok(await listCases(path.unitId, query.year)));
