import inspections from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { markTypical } from '../app/cases.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/cases/{caseId}/typical` */
export const handler = httpHandler(inspections, 'markTypical', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => ok(await markTypical(caller, path.caseId, body.summary, now(), { correlationId, traceparent })));
