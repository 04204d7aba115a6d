import reports from '../../service.js';
import { httpHandler, ok } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { handleReportCommand } from '../app/annualReports.js';
import { evidenceOf } from '../app/attachments.js';
import { routeDependencies } from './dependencies.js';

/** `PUT /api/units/{unitId}/annual-reports/{year}` */
export const handler = httpHandler(reports, 'saveDraft', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => {
  const { attachmentIds, ...content } = body;
  const attachments = attachmentIds === undefined ? undefined : await evidenceOf(path.unitId, attachmentIds);
  return ok(await handleReportCommand(caller, { kind: 'saveDraft', ...path, ...content, ...(attachments ? { attachments } : {}) }, now(), { correlationId, traceparent }));
});
