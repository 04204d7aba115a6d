import inspections from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { concludeInquiry } from '../app/cases.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/cases/{caseId}/inquiries` */
export const handler = httpHandler(inspections, 'concludeInquiry', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => ok(await concludeInquiry(caller, path.caseId, body, now(), { correlationId, traceparent })));
