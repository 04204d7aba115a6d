import reports from '../../service.js';
import { created, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { recordComment } from '../app/hearings.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/hearings/{hearingId}/comments` */
export const handler = httpHandler(reports, 'recordComment', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => created(await recordComment(caller, path.unitId, path.hearingId, body, now(), { correlationId, traceparent })));
