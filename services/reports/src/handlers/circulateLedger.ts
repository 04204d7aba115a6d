import reports from '../../service.js';
import { created, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { circulateLedger } from '../app/ledger.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/ledger-circulations` */
export const handler = httpHandler(reports, 'circulateLedger', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => created(await circulateLedger(caller, path.unitId, body, now(), { correlationId, traceparent })));
