import signing from '../../service.js';
import { created, httpHandler, route } from '#shared/http/handler.js';
import { createLogger } from '#shared/logger.js';
import { now } from '#shared/clock.js';
import { RegisterUnitBody } from '../schemas.js';
import { registerUnit } from '../app/registerUnit.js';

const logger = createLogger('signing');

/** `POST /api/units` */
export const handler = httpHandler(route(signing, 'registerUnit'), logger, { body: RegisterUnitBody }, async ({ caller, body, event }) => {
  const { id, name, parentId, category } = await registerUnit(caller, body, now(), event.requestContext.requestId);
  return created({ id, name, parentId, category });
});
