import interviews from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { recordTalk } from '../app/talks.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/talks/{talkId}/record` */
export const handler = httpHandler(interviews, 'recordTalk', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => ok(await recordTalk(caller, path.talkId, body, now(), { correlationId, traceparent })));
