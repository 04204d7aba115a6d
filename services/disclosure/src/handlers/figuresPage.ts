import disclosure from '../../service.js';
import { publicHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { figuresPage } from '../app/pages.js';
import { logger } from './dependencies.js';
import { asHtml } from './pageResult.js';

/** `GET /api/public/site/figures?unitId=` */
export const handler = publicHandler(disclosure, 'figuresPage', { logger }, async ({ query }) => asHtml(await figuresPage(query.unitId, now())));
