import inspections from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { viewSituation } from '../app/situationReports.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/situation-reports/{reportId}` */
export const handler = httpHandler(inspections, 'viewSituation', routeDependencies, async ({ path }) => ok(await viewSituation(path.reportId)));
