import disclosure from '../../service.js';
import { ok, publicHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { lookUpReceipt } from '../app/complaints.js';
import { logger } from './dependencies.js';

/** `POST /api/public/complaints/lookup` */
export const handler = publicHandler(disclosure, 'lookUpReceipt', { logger }, async ({ body, clientAddress }) => ok(await lookUpReceipt(body.receiptCode, clientAddress, now())));
