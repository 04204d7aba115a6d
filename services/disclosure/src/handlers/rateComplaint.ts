import disclosure from '../../service.js';
import { ok, publicHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { rateComplaint } from '../app/complaints.js';
import { logger } from './dependencies.js';

/** `POST /api/public/complaints/rating` */
export const handler = publicHandler(disclosure, 'rateComplaint', { logger }, async ({ body, clientAddress, correlationId }) =>
  ok(await rateComplaint(body.receiptCode, body.rating, clientAddress, { correlationId }, now())),
);
