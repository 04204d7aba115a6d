import reports from '../../service.js';
import { created, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { fileLedger } from '../app/ledger.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/ledgers` */
export const handler = httpHandler(reports, 'fileLedger', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => created(await fileLedger(caller, path.unitId, body, now(), { correlationId, traceparent })));
