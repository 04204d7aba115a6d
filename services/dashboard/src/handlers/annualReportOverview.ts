import dashboard from '../../service.js';
import { httpHandler, ok, route } from '#shared/http/handler.js';
import { createLogger } from '#shared/logger.js';
import { OverviewQuery } from '../schemas.js';
import { annualReportOverview } from '../app/annualReportOverview.js';

const logger = createLogger('dashboard');

/** `GET /api/dashboard/annual-reports?year=Y` */
export const handler = httpHandler(route(dashboard, 'annualReportOverview'), logger, { query: OverviewQuery }, async ({ caller, query }) =>
  ok(await annualReportOverview(caller, query.year)),
);
