import signing from '../../service.js';
import { httpHandler, ok } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { withdrawLetter } from '../app/letters.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/letters/{letterId}/withdraw` */
export const handler = httpHandler(signing, 'withdrawLetter', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) =>
  ok(await withdrawLetter(caller, path.letterId, body.reason, now(), { correlationId, traceparent })),
);
