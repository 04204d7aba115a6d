import reports from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { handleReportCommand } from '../app/annualReports.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/annual-reports/{year}/reopen` */
export const handler = httpHandler(reports, 'reopenReport', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => ok(await handleReportCommand(caller, { kind: 'reopen', ...path, reason: body.reason, deadline: body.deadline }, now(), { correlationId, traceparent })));
