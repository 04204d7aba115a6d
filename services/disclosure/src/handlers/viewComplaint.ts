import disclosure from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { viewComplaint } from '../app/complaints.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/complaints/{complaintId}` */
export const handler = httpHandler(disclosure, 'viewComplaint', routeDependencies, async ({ caller, path }) => ok(await viewComplaint(path.complaintId, caller, now())));
