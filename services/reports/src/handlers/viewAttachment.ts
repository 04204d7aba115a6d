import reports from '../../service.js';
import { httpHandler, ok } from '#shared/http/handler.js';
import { viewAttachment } from '../app/attachments.js';
import { attachmentRouteDependencies } from './attachmentDependencies.js';

/** `GET /api/units/{unitId}/attachments/{attachmentId}` */
export const handler = httpHandler(reports, 'viewAttachment', attachmentRouteDependencies, async ({ path }) => ok(await viewAttachment(path.unitId, path.attachmentId)));
