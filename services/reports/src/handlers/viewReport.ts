import reports from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { viewReport } from '../app/annualReports.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/units/{unitId}/annual-reports/{year}` */
export const handler = httpHandler(reports, 'viewReport', routeDependencies, async ({ path }) => ok(await viewReport(path.unitId, path.year, now())));
