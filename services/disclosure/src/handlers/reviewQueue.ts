import disclosure from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { reviewQueue } from '../app/publication.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/units/{unitId}/publication-items` */
export const handler = httpHandler(disclosure, 'reviewQueue', routeDependencies, async ({ path, query }) => ok(await reviewQueue(path.unitId, query.status)));
