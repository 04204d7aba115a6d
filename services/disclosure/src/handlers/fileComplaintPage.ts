import disclosure from '../../service.js';
import { publicHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { fileComplaintPage } from '../app/pages.js';
import { logger } from './dependencies.js';
import { asHtml } from './pageResult.js';

/** `POST /api/public/site/complaint`, from the form */
export const handler = publicHandler(disclosure, 'fileComplaintPage', { logger }, async ({ body, clientAddress, correlationId }) =>
  asHtml(await fileComplaintPage(body, clientAddress, { correlationId }, now())),
);
