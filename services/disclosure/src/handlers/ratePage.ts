import disclosure from '../../service.js';
import { publicHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { ratePage } from '../app/pages.js';
import { logger } from './dependencies.js';
import { asHtml } from './pageResult.js';

/** `POST /api/public/site/rating`, from the form */
export const handler = publicHandler(disclosure, 'ratePage', { logger }, async ({ body, clientAddress, correlationId }) =>
  asHtml(await ratePage(body.receiptCode, body.rating || undefined, clientAddress, { correlationId }, now())),
);
