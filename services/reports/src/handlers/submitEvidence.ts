import reports from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { submitRectificationEvidence } from '../app/hearings.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/rectifications/{rectificationId}/evidence` */
export const handler = httpHandler(reports, 'submitEvidence', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => ok(await submitRectificationEvidence(caller, path.unitId, path.rectificationId, body, now(), { correlationId, traceparent })));
