import disclosure from '../../service.js';
import { created, ok, publicHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { fileComplaint } from '../app/complaints.js';
import { logger } from './dependencies.js';

/** `POST /api/public/complaints`: 201 with a new receipt code, 200 with the first one's for the same complaint within the hour. */
export const handler = publicHandler(disclosure, 'fileComplaint', { logger }, async ({ body, clientAddress, correlationId }) => {
  const filed = await fileComplaint(body, clientAddress, { correlationId }, now());
  return filed.duplicate ? ok(filed) : created(filed);
});
