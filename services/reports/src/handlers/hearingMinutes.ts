import reports from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { hearingMinutes } from '../app/hearings.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/units/{unitId}/hearings` */
export const handler = httpHandler(reports, 'hearingMinutes', routeDependencies, async ({ path, query }) => ok(await hearingMinutes(path.unitId, query.year)));
