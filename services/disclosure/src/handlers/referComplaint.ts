import disclosure from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { referComplaint } from '../app/complaints.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/complaints/{complaintId}/refer` */
export const handler = httpHandler(disclosure, 'referComplaint', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) =>
  ok(await referComplaint({ complaintId: path.complaintId, caller, cause: { correlationId, traceparent }, at: now() }, body.to, body.note)),
);
