import disclosure from '../../service.js';
import { ok, publicHandler } from '#shared/http/handler.js';
import { publicItem } from '../app/publication.js';
import { logger } from './dependencies.js';

/** `GET /api/public/items/{itemId}` */
export const handler = publicHandler(disclosure, 'publicItem', { logger }, async ({ path }) => ok(await publicItem(path.itemId)));
