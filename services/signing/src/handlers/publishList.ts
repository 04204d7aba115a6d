import signing from '../../service.js';
import { httpHandler, ok } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { publishList } from '../app/lists.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/responsibility-lists/{listId}/publish` */
export const handler = httpHandler(signing, 'publishList', routeDependencies, async ({ caller, path, correlationId, traceparent }) =>
  ok(await publishList(caller, path.unitId, path.listId, now(), { correlationId, traceparent })),
);
