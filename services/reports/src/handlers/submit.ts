import reports from '../../service.js';
import { httpHandler, ok, route } from '#shared/http/handler.js';
import { createLogger } from '#shared/logger.js';
import { now } from '#shared/clock.js';
import { ReportPath } from '../schemas.js';
import { handleReportCommand } from '../app/annualReports.js';

const logger = createLogger('reports');

/** `POST /api/units/{unitId}/annual-reports/{year}/submit` */
export const handler = httpHandler(route(reports, 'submit'), logger, { path: ReportPath }, async ({ caller, path, event }) =>
  ok(await handleReportCommand(caller, { kind: 'submit', ...path }, now(), event.requestContext.requestId)),
);
