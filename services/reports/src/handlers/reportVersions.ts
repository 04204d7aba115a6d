import reports from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { reportHistory } from '../app/annualReports.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/units/{unitId}/annual-reports/{year}/versions` */
export const handler = httpHandler(reports, 'reportVersions', routeDependencies, async ({ path }) => ok(await reportHistory(path.unitId, path.year)));
