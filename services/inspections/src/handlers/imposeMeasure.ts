import inspections from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { imposeMeasure } from '../app/cases.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/cases/{caseId}/measures` */
export const handler = httpHandler(inspections, 'imposeMeasure', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => ok(await imposeMeasure(caller, path.caseId, body, now(), { correlationId, traceparent })));
