import interviews from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { reviewReply } from '../app/notices.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/warning-notices/{noticeId}/review` */
export const handler = httpHandler(interviews, 'reviewReply', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => ok(await reviewReply(caller, path.noticeId, body, now(), { correlationId, traceparent })));
