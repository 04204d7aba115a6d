import inspections from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { recommendationsOf } from '../app/patrols.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/units/{unitId}/recommendations` */
export const handler = httpHandler(inspections, 'listRecommendations', routeDependencies, async ({ path, query }) => ok(await recommendationsOf(path.unitId, query.year)));
