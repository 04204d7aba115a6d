import reports from '../../service.js';
import { httpHandler, ok } from '#shared/http/handler.js';
import { createLogger } from '#shared/logger.js';
import { now } from '#shared/clock.js';
import { handleReportCommand } from '../app/annualReports.js';
import { unitDirectory } from '../adapters/reportRepository.js';

/** `POST /api/units/{unitId}/annual-reports/{year}/submit` */
export const handler = httpHandler(reports, 'submit', { logger: createLogger('reports'), units: unitDirectory }, async ({ caller, path, correlationId, traceparent }) =>
  ok(await handleReportCommand(caller, { kind: 'submit', ...path }, now(), { correlationId, traceparent })),
);
