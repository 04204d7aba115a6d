import disclosure from '../../service.js';
import { publicHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { lookUpPage } from '../app/pages.js';
import { logger } from './dependencies.js';
import { asHtml } from './pageResult.js';

/** `POST /api/public/site/lookup`, from the form */
export const handler = publicHandler(disclosure, 'lookUpPage', { logger }, async ({ body, clientAddress }) => asHtml(await lookUpPage(body.receiptCode, clientAddress, now())));
