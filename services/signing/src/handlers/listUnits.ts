import signing from '../../service.js';
import { httpHandler, ok } from '#shared/http/handler.js';
import { createLogger } from '#shared/logger.js';
import { listUnitsInReach } from '../app/listUnits.js';

/** `GET /api/units` */
export const handler = httpHandler(signing, 'listUnits', { logger: createLogger('signing') }, async ({ caller }) =>
  ok({ units: await listUnitsInReach(caller) }),
);
