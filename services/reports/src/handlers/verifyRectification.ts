import reports from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { verifyRectification } from '../app/hearings.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/rectifications/{rectificationId}/verify` */
export const handler = httpHandler(reports, 'verifyRectification', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => ok(await verifyRectification(caller, path.unitId, path.rectificationId, body, now(), { correlationId, traceparent })));
