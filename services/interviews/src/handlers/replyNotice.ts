import interviews from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { replyToNotice } from '../app/notices.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/warning-notices/{noticeId}/reply` */
export const handler = httpHandler(interviews, 'replyNotice', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => ok(await replyToNotice(caller, path.noticeId, body.text, now(), { correlationId, traceparent })));
