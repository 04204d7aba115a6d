import disclosure from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { rejectItem } from '../app/publication.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/publication-items/{itemId}/reject` */
export const handler = httpHandler(disclosure, 'rejectItem', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) =>
  ok(await rejectItem({ itemId: path.itemId, caller, cause: { correlationId, traceparent }, at: now() }, body.reason)),
);
