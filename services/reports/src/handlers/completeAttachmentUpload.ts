import reports from '../../service.js';
import { httpHandler, ok } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { completeUpload } from '../app/attachments.js';
import { attachmentRouteDependencies } from './attachmentDependencies.js';

/** `POST /api/units/{unitId}/attachments/{attachmentId}/complete` */
export const handler = httpHandler(reports, 'completeAttachmentUpload', attachmentRouteDependencies, async ({ path }) =>
  ok(await completeUpload(path.unitId, path.attachmentId, now())),
);
