import disclosure from '../../service.js';
import { ok, publicHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { figuresOf } from '../app/figures.js';
import { logger } from './dependencies.js';

/** `GET /api/public/complaint-figures?unitId=` */
export const handler = publicHandler(disclosure, 'complaintFigures', { logger }, async ({ query }) => ok(await figuresOf(query.unitId, now())));
