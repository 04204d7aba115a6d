import signing from '../../service.js';
import { httpHandler, ok } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { editList } from '../app/lists.js';
import { routeDependencies } from './dependencies.js';

/** `PUT /api/units/{unitId}/responsibility-lists/{listId}` */
export const handler = httpHandler(signing, 'editList', routeDependencies, async ({ path, body }) => ok(await editList(path.unitId, path.listId, body, now())));
