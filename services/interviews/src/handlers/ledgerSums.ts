import interviews from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { ledgerSums } from '../app/ledgers.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/units/{unitId}/ledger-sums` */
export const handler = httpHandler(interviews, 'ledgerSums', routeDependencies, async ({ path, query }) => ok(await ledgerSums(path.unitId, query.year)));
