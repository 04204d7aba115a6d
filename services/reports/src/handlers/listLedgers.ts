import reports from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { listLedgers } from '../app/ledger.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/units/{unitId}/ledgers` */
export const handler = httpHandler(reports, 'listLedgers', routeDependencies, async ({ path, query }) => ok(await listLedgers(path.unitId, query.month)));
