import inspections from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { recordFinding } from '../app/patrols.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/patrols/{patrolId}/findings` */
export const handler = httpHandler(inspections, 'recordFinding', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => ok(await recordFinding(caller, path.patrolId, body, now(), { correlationId, traceparent })));
