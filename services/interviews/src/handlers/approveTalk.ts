import interviews from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { approveTalk } from '../app/talks.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/talks/{talkId}/approve` */
export const handler = httpHandler(interviews, 'approveTalk', routeDependencies, async ({ caller, path, correlationId, traceparent }) => ok(await approveTalk(caller, path.talkId, now(), { correlationId, traceparent })));
