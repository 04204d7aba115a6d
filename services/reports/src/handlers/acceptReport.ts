import reports from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { handleReportCommand } from '../app/annualReports.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/annual-reports/{year}/accept` */
export const handler = httpHandler(reports, 'acceptReport', routeDependencies, async ({ caller, path, correlationId, traceparent }) => ok(await handleReportCommand(caller, { kind: 'accept', ...path }, now(), { correlationId, traceparent })));
