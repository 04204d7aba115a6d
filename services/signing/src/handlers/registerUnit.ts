import signing from '../../service.js';
import { created, httpHandler } from '#shared/http/handler.js';
import { createLogger } from '#shared/logger.js';
import { now } from '#shared/clock.js';
import { registerUnit } from '../app/registerUnit.js';
import { unitDirectory } from '../adapters/unitRepository.js';

/** `POST /api/units` */
export const handler = httpHandler(signing, 'registerUnit', { logger: createLogger('signing'), units: unitDirectory }, async ({ caller, body, unit, correlationId, traceparent }) => {
  const { id, name, parentId, category } = await registerUnit(caller, body, unit, now(), { correlationId, traceparent });
  return created({ id, name, parentId, category });
});
