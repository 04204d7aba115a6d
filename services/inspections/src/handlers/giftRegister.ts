import inspections from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { giftRegister } from '../app/gifts.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/units/{unitId}/gifts` */
export const handler = httpHandler(inspections, 'giftRegister', routeDependencies, async ({ path, query }) => ok(await giftRegister(path.unitId, query.year)));
