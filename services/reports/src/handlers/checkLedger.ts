import reports from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { checkLedger } from '../app/ledger.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/ledgers/{month}/{personId}/check` */
export const handler = httpHandler(reports, 'checkLedger', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => ok(await checkLedger(caller, path.unitId, path.month, path.personId, body, now(), { correlationId, traceparent })));
