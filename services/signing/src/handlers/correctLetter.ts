import signing from '../../service.js';
import { httpHandler, ok } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { correctLetter } from '../app/letters.js';
import { routeDependencies } from './dependencies.js';

/** `PUT /api/letters/{letterId}` */
export const handler = httpHandler(signing, 'correctLetter', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) =>
  ok(await correctLetter(caller, path.letterId, body, now(), { correlationId, traceparent })),
);
