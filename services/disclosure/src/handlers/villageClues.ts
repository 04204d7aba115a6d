import disclosure from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { villageClues } from '../app/villageClues.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/units/{unitId}/village-clues?month=` */
export const handler = httpHandler(disclosure, 'villageClues', routeDependencies, async ({ path, query }) => ok(await villageClues(path.unitId, query.month)));
