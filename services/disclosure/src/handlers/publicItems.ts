import disclosure from '../../service.js';
import { ok, publicHandler } from '#shared/http/handler.js';
import { publicItems } from '../app/publication.js';
import { logger } from './dependencies.js';

/** `GET /api/public/items?unitId=&kind=` */
export const handler = publicHandler(disclosure, 'publicItems', { logger }, async ({ query }) => ok(await publicItems(query)));
