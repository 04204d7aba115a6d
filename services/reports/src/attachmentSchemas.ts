/** Schemas of the attachment routes of the reports service. */
import { z } from 'zod';
import { Id, Text, UnitId } from '#shared/http/inputs.js';
import { attachmentMediaTypes } from './domain/attachments.js';

/** Path of the routes on a unit's attachments. */
export const AttachmentsPath = z.strictObject({ unitId: UnitId });

/** Path of the routes on one attachment. */
export const AttachmentPath = z.strictObject({ unitId: UnitId, attachmentId: Id('attachment') });

/** Body of `POST /api/units/{unitId}/attachments`: the file to upload, as the client declares it. */
export const RequestUploadBody = z
  .strictObject({
    /** The file's name, as the user knows it; it says nothing of its type. */
    name: Text(255),
    mediaType: z
      .string()
      .min(1)
      .max(255)
      .meta({ description: `The file’s media type; the content must show it. One of: ${Object.keys(attachmentMediaTypes).join(', ')}` }),
    size: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).meta({ description: 'The file’s size in bytes; at most the configured limit (20 MB by default)' }),
  })
  .meta({ examples: [{ name: '整改情况报告.pdf', mediaType: 'application/pdf', size: 524288 }] });
export type RequestUploadBody = z.infer<typeof RequestUploadBody>;

/** An attachment: what was declared and, once checked, what was found. */
export const AttachmentView = z.object({
  attachmentId: z.string(),
  unitId: z.string(),
  name: z.string(),
  mediaType: z.string(),
  declaredSize: z.number().int(),
  status: z.enum(['pending', 'stored', 'refused']),
  uploadedBy: z.string(),
  createdAt: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).optional().meta({ description: 'SHA-256 of the stored content (hex)' }),
  size: z.number().int().optional().meta({ description: 'Size of the stored content in bytes' }),
  completedAt: z.string().optional(),
  refusal: z.string().optional(),
});
export type AttachmentView = z.infer<typeof AttachmentView>;

/** Where and how to upload the file: a PUT of its bytes with exactly these headers, before `expiresAt`. */
export const UploadTargetView = z.object({
  url: z.string(),
  method: z.literal('PUT'),
  headers: z.record(z.string(), z.string()),
  expiresAt: z.string(),
});

/** Answer of `POST /api/units/{unitId}/attachments`. */
export const RequestUploadResult = z.object({ attachment: AttachmentView, upload: UploadTargetView });
