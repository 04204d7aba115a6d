import inspections from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { sendReminderLetter } from '../app/patrols.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/patrols/{patrolId}/reminder-letters` */
export const handler = httpHandler(inspections, 'sendReminderLetter', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => ok(await sendReminderLetter(caller, path.patrolId, body, now(), { correlationId, traceparent })));
