import dashboard from '../../service.js';
import { httpHandler, ok } from '#shared/http/handler.js';
import { createLogger } from '#shared/logger.js';
import { annualReportOverview } from '../app/annualReportOverview.js';

/** `GET /api/dashboard/annual-reports?year=Y[&detail=true]` */
export const handler = httpHandler(dashboard, 'annualReportOverview', { logger: createLogger('dashboard') }, async ({ caller, query }) =>
  ok(await annualReportOverview(caller, query.year, query.detail === 'true')),
);
