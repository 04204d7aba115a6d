import disclosure from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { acceptComplaint } from '../app/complaints.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/complaints/{complaintId}/accept` */
export const handler = httpHandler(disclosure, 'acceptComplaint', routeDependencies, async ({ caller, path, correlationId, traceparent }) =>
  ok(await acceptComplaint({ complaintId: path.complaintId, caller, cause: { correlationId, traceparent }, at: now() })),
);
