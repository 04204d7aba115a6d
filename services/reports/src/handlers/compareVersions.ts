import reports from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { compareReportVersions } from '../app/annualReports.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/units/{unitId}/annual-reports/{year}/versions/compare` */
export const handler = httpHandler(reports, 'compareVersions', routeDependencies, async ({ path, query }) => ok(await compareReportVersions(path.unitId, path.year, query.from, query.to)));
