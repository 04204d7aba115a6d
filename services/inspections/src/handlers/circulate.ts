import inspections from '../../service.js';
import { created, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { circulate } from '../app/circulations.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/accountability-circulations` */
export const handler = httpHandler(inspections, 'circulate', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => created(await circulate(caller, path.unitId, body, now(), { correlationId, traceparent })));
