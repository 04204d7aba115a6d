import signing from '../../service.js';
import { httpHandler, ok } from '#shared/http/handler.js';
import { listLists } from '../app/lists.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/units/{unitId}/responsibility-lists?year=` */
export const handler = httpHandler(signing, 'listLists', routeDependencies, async ({ path, query }) => ok({ lists: await listLists(path.unitId, query.year) }));
