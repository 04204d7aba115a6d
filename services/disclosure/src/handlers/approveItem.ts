import disclosure from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { approveItem } from '../app/publication.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/publication-items/{itemId}/approve` */
export const handler = httpHandler(disclosure, 'approveItem', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) =>
  ok(await approveItem({ itemId: path.itemId, caller, cause: { correlationId, traceparent }, at: now() }, body.scope)),
);
