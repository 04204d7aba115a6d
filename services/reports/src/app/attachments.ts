/**
 * Use cases of attachments: a unit asks to upload a file, uploads it to the URL it is given, then
 * completes the upload, which checks the content and records its SHA-256; other use cases of the
 * service turn attachment ids into the evidence their events carry ({@link evidenceOf}).
 */
import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { Caller } from '#shared/auth/claims.js';
import { ConflictError, NotFoundError } from '#shared/errors.js';
import { toCstIso } from '#events/envelope.js';
import type { Evidence } from '#events/reports/parts.js';
import { attachmentConfig } from '../attachmentConfig.js';
import { completed, decideCompletion, decideEvidence, decideUploadRequest, refusalError, type Attachment, type UploadedContent, type UploadRequest } from '../domain/attachments.js';
import { sniffMediaType } from '../domain/contentType.js';
import { getAttachment, objectKey, putAttachment, recordCompletion } from '../adapters/attachmentRepository.js';
import { attachmentStore, type UploadTarget } from '../adapters/attachmentStore.js';

/** Records a pending attachment and gives the URL to upload its file to. */
export const requestUpload = async (caller: Caller, unitId: string, request: UploadRequest, now: Date): Promise<{ attachment: Attachment; upload: UploadTarget }> => {
  const config = attachmentConfig();
  const mediaType = decideUploadRequest(request, config);
  const attachment: Attachment = {
    attachmentId: uuidv7(),
    unitId,
    name: request.name,
    mediaType,
    declaredSize: request.size,
    status: 'pending',
    uploadedBy: caller.subject,
    createdAt: toCstIso(now),
  };
  await putAttachment(attachment);
  const upload = await attachmentStore().uploadTarget(objectKey(attachment), { mediaType, size: request.size, maxBytes: config.maxBytes, expiresInSeconds: config.uploadExpiresSeconds }, now);
  return { attachment, upload };
};

/** What a checked attachment answers, each time it is completed: itself, or its refusal (its file removed). */
const outcomeOf = async (attachment: Attachment): Promise<Attachment> => {
  if (attachment.status === 'stored') return attachment;
  // Removed again each time: an upload to a URL still valid after the refusal is not kept either.
  await attachmentStore().remove(objectKey(attachment));
  throw refusalError(attachment);
};

const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Checks the uploaded file of a pending attachment: kept, with its SHA-256 and size, when its
 * content shows the declared type and it is within the size limit; refused (422) and removed
 * otherwise. Completing again gives the same answer.
 */
export const completeUpload = async (unitId: string, attachmentId: string, now: Date): Promise<Attachment> => {
  const attachment = await getAttachment(unitId, attachmentId);
  if (!attachment) throw new NotFoundError(`Unit ${unitId} has no attachment ${attachmentId}`);
  if (attachment.status !== 'pending') return outcomeOf(attachment);
  const limits = attachmentConfig();
  const object = await attachmentStore().read(objectKey(attachment), limits.maxBytes);
  if (!object) throw new ConflictError(`The file of attachment ${attachmentId} has not been uploaded yet: upload it to the URL given, then complete`);
  const content: UploadedContent =
    object.kind === 'too-large'
      ? object
      : { kind: 'read', size: object.bytes.byteLength, sniffed: await sniffMediaType(object.bytes), sha256: sha256Of(object.bytes) };
  const next = completed(attachment, decideCompletion(attachment, content, limits), toCstIso(now));
  if (await recordCompletion(next)) return outcomeOf(next);
  // Another completion recorded its outcome first; that one stands.
  return outcomeOf((await getAttachment(unitId, attachmentId))!);
};

/** One attachment of a unit, whatever its status. */
export const viewAttachment = async (unitId: string, attachmentId: string): Promise<Attachment> => {
  const attachment = await getAttachment(unitId, attachmentId);
  if (!attachment) throw new NotFoundError(`Unit ${unitId} has no attachment ${attachmentId}`);
  return attachment;
};

/**
 * The evidence that the unit's attachments give an item, in the order given (an id named twice
 * counts once). Refuses (422) naming, at `field`, every id that is not a stored attachment of
 * that unit.
 *
 * @example
 * ```ts
 * import { evidenceOf } from '#services/reports/src/app/attachments.js';
 *
 * const evidence = await evidenceOf('0196a0f2-3b7c-7d1e-9f00-1a2b3c4d5e6f', ['0196a0f2-3b7c-7d1e-9f00-1a2b3c4d5e70'], 'body.attachmentIds');
 * ```
 */
export const evidenceOf = async (unitId: string, attachmentIds: readonly string[], field = 'body.attachmentIds'): Promise<Evidence[]> => {
  const unique = [...new Set(attachmentIds)];
  const found = await Promise.all(unique.map((id) => getAttachment(unitId, id)));
  const byId = new Map(found.flatMap((attachment) => (attachment ? [[attachment.attachmentId, attachment] as const] : [])));
  const evidence = decideEvidence(attachmentIds, byId, field);
  return evidence.filter((e, index) => evidence.findIndex((other) => other.attachmentId === e.attachmentId) === index);
};
