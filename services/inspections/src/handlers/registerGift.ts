import inspections from '../../service.js';
import { created, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { registerGift } from '../app/gifts.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/gifts` */
export const handler = httpHandler(inspections, 'registerGift', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => created(await registerGift(caller, path.unitId, body, now(), { correlationId, traceparent })));
