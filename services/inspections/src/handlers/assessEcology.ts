import inspections from '../../service.js';
import { created, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { assessEcology } from '../app/patrols.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/political-ecology` */
export const handler = httpHandler(inspections, 'assessEcology', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => created(await assessEcology(caller, path.unitId, body, now(), { correlationId, traceparent })));
