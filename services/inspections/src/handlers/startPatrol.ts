import inspections from '../../service.js';
import { created, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { startPatrol } from '../app/patrols.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/patrols` */
export const handler = httpHandler(inspections, 'startPatrol', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => created(await startPatrol(caller, path.unitId, body, now(), { correlationId, traceparent })));
