import reports from '../../service.js';
import { httpHandler, ok, route } from '#shared/http/handler.js';
import { createLogger } from '#shared/logger.js';
import { now } from '#shared/clock.js';
import { ReportPath, SaveDraftBody } from '../schemas.js';
import { handleReportCommand } from '../app/annualReports.js';

const logger = createLogger('reports');

/** `PUT /api/units/{unitId}/annual-reports/{year}` */
export const handler = httpHandler(route(reports, 'saveDraft'), logger, { path: ReportPath, body: SaveDraftBody }, async ({ caller, path, body, event }) =>
  ok(await handleReportCommand(caller, { kind: 'saveDraft', ...path, ...body }, now(), event.requestContext.requestId)),
);
