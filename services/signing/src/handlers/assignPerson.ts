import signing from '../../service.js';
import { created, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { assignPerson } from '../app/posts.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/posts` */
export const handler = httpHandler(signing, 'assignPerson', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) =>
  created(await assignPerson(caller, path.unitId, body, now(), { correlationId, traceparent })),
);
