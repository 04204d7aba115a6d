import signing from '../../service.js';
import { httpHandler, ok } from '#shared/http/handler.js';
import { listPowerItems } from '../app/risks.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/units/{unitId}/power-items` */
export const handler = httpHandler(signing, 'listPowerItems', routeDependencies, async ({ path }) => ok({ powerItems: await listPowerItems(path.unitId) }));
