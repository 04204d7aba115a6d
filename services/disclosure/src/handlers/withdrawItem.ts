import disclosure from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { withdrawItem } from '../app/publication.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/publication-items/{itemId}/withdraw` */
export const handler = httpHandler(disclosure, 'withdrawItem', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) =>
  ok(await withdrawItem({ itemId: path.itemId, caller, cause: { correlationId, traceparent }, at: now() }, body.reason)),
);
