import signing from '../../service.js';
import { httpHandler, ok } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { importRoster } from '../app/importRoster.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/roster-imports` */
export const handler = httpHandler(signing, 'importRoster', routeDependencies, async ({ caller, unit, body, correlationId, traceparent }) =>
  ok(await importRoster(caller, unit!, body, now(), { correlationId, traceparent })),
);
