import reports from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { getCirculation } from '../app/ledger.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/units/{unitId}/ledger-circulations/{year}/{quarter}` */
export const handler = httpHandler(reports, 'viewCirculation', routeDependencies, async ({ path }) => ok(await getCirculation(path.unitId, path.year, path.quarter)));
