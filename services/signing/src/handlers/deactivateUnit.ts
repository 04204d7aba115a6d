import signing from '../../service.js';
import { httpHandler, ok } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { deactivateUnit } from '../app/units.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/deactivate` */
export const handler = httpHandler(signing, 'deactivateUnit', routeDependencies, async ({ caller, path, correlationId, traceparent }) =>
  ok(await deactivateUnit(caller, path.unitId, now(), { correlationId, traceparent })),
);
