import inspections from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { escalateCase } from '../app/cases.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/cases/{caseId}/escalate` */
export const handler = httpHandler(inspections, 'escalateCase', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => ok(await escalateCase(caller, path.caseId, body.reason, now(), { correlationId, traceparent })));
