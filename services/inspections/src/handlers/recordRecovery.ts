import inspections from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { recover } from '../app/situationReports.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/situation-reports/{reportId}/recoveries` */
export const handler = httpHandler(inspections, 'recordRecovery', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => ok(await recover(caller, path.reportId, body, now(), { correlationId, traceparent })));
