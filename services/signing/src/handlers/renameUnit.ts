import signing from '../../service.js';
import { httpHandler, ok } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { renameUnit } from '../app/units.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/rename` */
export const handler = httpHandler(signing, 'renameUnit', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) =>
  ok(await renameUnit(caller, path.unitId, body.name, now(), { correlationId, traceparent })),
);
