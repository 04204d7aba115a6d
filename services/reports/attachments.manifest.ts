/** The attachment routes of the reports service (presigned uploads, checked by content and hashed). */
import { Problem } from '#shared/http/problem.js';
import { httpFunction, type HttpTrigger } from '#shared/manifest.js';
import { AttachmentPath, AttachmentsPath, AttachmentView, RequestUploadBody, RequestUploadResult } from './src/attachmentSchemas.js';

/** The buckets of the reports service: the files units upload as evidence. */
export const attachmentBuckets = {
  attachments: { description: 'Files units upload as evidence (PDF, images, Office documents, OFD), each checked by its content and hashed' },
} as const;

/** Who attaches: the unit's own people, and its discipline inspector (a commission member attaches too). */
const attaching = ['unit_staff', 'unit_secretary', 'discipline_inspector'] as const;
/** Who reads: every role, within its subtree. */
const reading = ['unit_staff', 'unit_secretary', 'discipline_inspector', 'organisation_dept', 'admin'] as const;
const unitInPath = { in: 'path', name: 'unitId' } as const;

/** A function behind one attachment route; `usesBucket` for those that upload to, read or remove from the bucket. */
const attachmentFunction = <const T extends Omit<HttpTrigger, 'type'>>(entry: string, description: string, memoryMb: number, trigger: T, usesBucket = false) =>
  httpFunction(entry, description, trigger, { memoryMb, timeoutSeconds: 30, ...(usesBucket ? { usesBuckets: ['attachments'] as const } : {}) });

export const attachmentFunctions = {
  requestAttachmentUpload: attachmentFunction(
    'src/handlers/requestAttachmentUpload.ts',
    'Records a pending attachment and gives a presigned URL to upload its file to',
    256,
    {
      method: 'POST',
      path: '/api/units/{unitId}/attachments',
      roles: attaching,
      reach: { kind: 'own-unit', unit: unitInPath },
      summary: '申请上传附件（返回预签名上传地址） / Request the upload of an attachment',
      request: { path: AttachmentsPath, body: RequestUploadBody },
      responses: {
        201: { description: 'The pending attachment and where to PUT its file', body: RequestUploadResult },
        422: { description: 'A media type that is not allowed, or a size over the limit', body: Problem },
      },
    },
    true,
  ),
  // Reads the whole file (up to the size limit) to hash it and find its type: more memory.
  completeAttachmentUpload: attachmentFunction(
    'src/handlers/completeAttachmentUpload.ts',
    'Checks an uploaded attachment by its content and records its SHA-256, or refuses and removes it',
    1024,
    {
      method: 'POST',
      path: '/api/units/{unitId}/attachments/{attachmentId}/complete',
      roles: attaching,
      reach: { kind: 'own-unit', unit: unitInPath },
      summary: '完成附件上传（按内容校验类型并记录 SHA-256） / Complete the upload of an attachment',
      request: { path: AttachmentPath },
      responses: {
        200: { description: 'The stored attachment, with the SHA-256 of its content', body: AttachmentView },
        404: { description: 'No such attachment of the unit', body: Problem },
        409: { description: 'The file has not been uploaded yet', body: Problem },
        422: { description: 'Refused: the content does not show the declared type, or the file is over the size limit (the file is not kept)', body: Problem },
      },
    },
    true,
  ),
  viewAttachment: attachmentFunction('src/handlers/viewAttachment.ts', 'Shows an attachment of a unit', 256, {
    method: 'GET',
    path: '/api/units/{unitId}/attachments/{attachmentId}',
    roles: reading,
    reach: { kind: 'subtree', unit: unitInPath },
    summary: '查看附件 / View an attachment',
    request: { path: AttachmentPath },
    responses: {
      200: { description: 'The attachment', body: AttachmentView },
      404: { description: 'No such attachment of the unit', body: Problem },
    },
  }),
};
