import inspections from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { lookBack } from '../app/cases.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/cases/{caseId}/look-back` */
export const handler = httpHandler(inspections, 'lookBack', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => ok(await lookBack(caller, path.caseId, body, now(), { correlationId, traceparent })));
