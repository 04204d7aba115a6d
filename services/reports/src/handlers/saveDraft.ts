import reports from '../../service.js';
import { httpHandler, ok } from '#shared/http/handler.js';
import { createLogger } from '#shared/logger.js';
import { now } from '#shared/clock.js';
import { handleReportCommand } from '../app/annualReports.js';
import { unitDirectory } from '../adapters/reportRepository.js';

/** `PUT /api/units/{unitId}/annual-reports/{year}` */
export const handler = httpHandler(reports, 'saveDraft', { logger: createLogger('reports'), units: unitDirectory }, async ({ caller, path, body, correlationId, traceparent }) =>
  ok(await handleReportCommand(caller, { kind: 'saveDraft', ...path, ...body }, now(), { correlationId, traceparent })),
);
