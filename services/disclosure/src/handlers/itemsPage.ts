import disclosure from '../../service.js';
import { publicHandler } from '#shared/http/handler.js';
import { itemsPage } from '../app/pages.js';
import { logger } from './dependencies.js';
import { asHtml } from './pageResult.js';

/** `GET /api/public/site/items?unitId=&kind=` */
export const handler = publicHandler(disclosure, 'itemsPage', { logger }, async ({ query }) => asHtml(await itemsPage(query)));
