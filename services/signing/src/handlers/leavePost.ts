import signing from '../../service.js';
import { httpHandler, ok } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { leavePost } from '../app/posts.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/posts/{postId}/leave` */
export const handler = httpHandler(signing, 'leavePost', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) =>
  ok(await leavePost(caller, path.unitId, path.postId, body, now(), { correlationId, traceparent })),
);
