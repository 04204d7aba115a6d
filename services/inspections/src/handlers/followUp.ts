import inspections from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { followUp } from '../app/cases.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/cases/{caseId}/follow-up-visits` */
export const handler = httpHandler(inspections, 'followUp', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => ok(await followUp(caller, path.caseId, body, now(), { correlationId, traceparent })));
