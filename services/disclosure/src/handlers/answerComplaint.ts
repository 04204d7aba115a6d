import disclosure from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { answerComplaint } from '../app/complaints.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/complaints/{complaintId}/answer` */
export const handler = httpHandler(disclosure, 'answerComplaint', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) =>
  ok(await answerComplaint({ complaintId: path.complaintId, caller, cause: { correlationId, traceparent }, at: now() }, body.answer)),
);
