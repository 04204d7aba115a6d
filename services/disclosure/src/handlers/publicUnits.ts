import disclosure from '../../service.js';
import { ok, publicHandler } from '#shared/http/handler.js';
import { publicUnits } from '../app/units.js';
import { logger } from './dependencies.js';

/** `GET /api/public/units` */
export const handler = publicHandler(disclosure, 'publicUnits', { logger }, async () => ok({ units: await publicUnits() }));
