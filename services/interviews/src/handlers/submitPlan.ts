import interviews from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { submitPlan } from '../app/talks.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/talks/{talkId}/rectification-plan` */
export const handler = httpHandler(interviews, 'submitPlan', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => ok(await submitPlan(caller, path.talkId, body, now(), { correlationId, traceparent })));
