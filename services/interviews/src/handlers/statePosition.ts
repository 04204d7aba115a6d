import interviews from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { statePosition } from '../app/talks.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/talks/{talkId}/positions` */
export const handler = httpHandler(interviews, 'statePosition', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => ok(await statePosition(caller, path.talkId, body.text, now(), { correlationId, traceparent })));
