import reports from '../../service.js';
import { created, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { requestUpload } from '../app/attachments.js';
import { attachmentRouteDependencies } from './attachmentDependencies.js';

/** `POST /api/units/{unitId}/attachments` */
export const handler = httpHandler(reports, 'requestAttachmentUpload', attachmentRouteDependencies, async ({ caller, path, body }) =>
  created(await requestUpload(caller, path.unitId, body, now())),
);
