import signing from '../../service.js';
import { created, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { addPowerItem } from '../app/risks.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/power-items` */
export const handler = httpHandler(signing, 'addPowerItem', routeDependencies, async ({ path, body }) => created(await addPowerItem(path.unitId, body, now())));
