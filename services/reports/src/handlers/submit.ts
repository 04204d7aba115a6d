import reports from '../../service.js';
import { httpHandler, ok } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { handleReportCommand } from '../app/annualReports.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/annual-reports/{year}/submit` */
export const handler = httpHandler(reports, 'submit', routeDependencies, async ({ caller, path, correlationId, traceparent }) =>
  ok(await handleReportCommand(caller, { kind: 'submit', ...path }, now(), { correlationId, traceparent })),
);
