import inspections from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { decideExemption } from '../app/cases.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/cases/{caseId}/exemption-decision` */
export const handler = httpHandler(inspections, 'decideExemption', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => ok(await decideExemption(caller, path.caseId, body, now(), { correlationId, traceparent })));
