import inspections from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { listSituations } from '../app/situationReports.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/units/{unitId}/situation-reports` */
export const handler = httpHandler(inspections, 'listSituations', routeDependencies, async ({ path, query }) => ok(await listSituations(path.unitId, query.year)));
