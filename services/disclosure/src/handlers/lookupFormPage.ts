import disclosure from '../../service.js';
import { publicHandler } from '#shared/http/handler.js';
import { lookupFormPage } from '../app/pages.js';
import { logger } from './dependencies.js';
import { asHtml } from './pageResult.js';

/** `GET /api/public/site/lookup` */
export const handler = publicHandler(disclosure, 'lookupFormPage', { logger }, async () => asHtml(lookupFormPage()));
