import signing from '../../service.js';
import { httpHandler, ok } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { moveUnit } from '../app/units.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/move` */
export const handler = httpHandler(signing, 'moveUnit', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) =>
  ok(await moveUnit(caller, path.unitId, body.parentId, now(), { correlationId, traceparent })),
);
