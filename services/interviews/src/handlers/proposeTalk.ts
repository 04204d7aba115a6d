import interviews from '../../service.js';
import { created, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { proposeTalk } from '../app/talks.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/talks` */
export const handler = httpHandler(interviews, 'proposeTalk', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => created(await proposeTalk(caller, path.unitId, body, now(), { correlationId, traceparent })));
