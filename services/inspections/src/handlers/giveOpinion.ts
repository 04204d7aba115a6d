import inspections from '../../service.js';
import { created, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { giveOpinion } from '../app/files.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/people/{personId}/opinions` */
export const handler = httpHandler(inspections, 'giveOpinion', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => created(await giveOpinion(caller, path.unitId, path.personId, body, now(), { correlationId, traceparent })));
