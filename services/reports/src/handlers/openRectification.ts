import reports from '../../service.js';
import { created, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { openRectification } from '../app/hearings.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/hearings/{hearingId}/comments/{commentId}/rectifications` */
export const handler = httpHandler(reports, 'openRectification', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => created(await openRectification(caller, path.unitId, path.hearingId, path.commentId, body, now(), { correlationId, traceparent })));
