import disclosure from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { attachmentFile } from '../app/complaints.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/complaints/{complaintId}/attachments/{index}` */
export const handler = httpHandler(disclosure, 'complaintAttachment', routeDependencies, async ({ caller, path }) => ok(await attachmentFile(path.complaintId, path.index, caller, now())));
