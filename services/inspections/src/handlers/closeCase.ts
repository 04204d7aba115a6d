import inspections from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { closeCase } from '../app/cases.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/cases/{caseId}/close` */
export const handler = httpHandler(inspections, 'closeCase', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => ok(await closeCase(caller, path.caseId, body, now(), { correlationId, traceparent })));
