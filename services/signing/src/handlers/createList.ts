import signing from '../../service.js';
import { created, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { createList } from '../app/lists.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/responsibility-lists` */
export const handler = httpHandler(signing, 'createList', routeDependencies, async ({ path, body }) => created(await createList(path.unitId, body, now())));
