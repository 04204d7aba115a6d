import inspections from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { replyToLetter } from '../app/patrols.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/reminder-letters/{letterId}/reply` */
export const handler = httpHandler(inspections, 'replyToLetter', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => ok(await replyToLetter(caller, path.unitId, path.letterId, body.text, now(), { correlationId, traceparent })));
