import signing from '../../service.js';
import { httpHandler, ok, route } from '#shared/http/handler.js';
import { createLogger } from '#shared/logger.js';
import { listUnitsInReach } from '../app/listUnits.js';

const logger = createLogger('signing');

/** `GET /api/units` */
export const handler = httpHandler(route(signing, 'listUnits'), logger, {}, async ({ caller }) =>
  ok({ units: await listUnitsInReach(caller) }),
);
