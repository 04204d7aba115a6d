import inspections from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { requestExemption } from '../app/cases.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/cases/{caseId}/exemption-request` */
export const handler = httpHandler(inspections, 'requestExemption', routeDependencies, async ({ caller, path, body }) => ok(await requestExemption(caller, path.caseId, body, now())));
