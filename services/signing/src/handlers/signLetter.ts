import signing from '../../service.js';
import { httpHandler, ok } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { signLetter } from '../app/letters.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/letters/{letterId}/sign` */
export const handler = httpHandler(signing, 'signLetter', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) =>
  ok(await signLetter(caller, path.letterId, body.version, now(), { correlationId, traceparent })),
);
