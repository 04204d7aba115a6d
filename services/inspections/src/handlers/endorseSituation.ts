import inspections from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { endorse } from '../app/situationReports.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/situation-reports/{reportId}/endorse` */
export const handler = httpHandler(inspections, 'endorseSituation', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => ok(await endorse(caller, path.reportId, body, now(), { correlationId, traceparent })));
