/**
 * Attachments: files (PDF, images, Office documents, OFD) that a unit uploads as evidence for an
 * item it reports on. The rules:
 * - a file is one of the allowed media types ({@link attachmentMediaTypes}) and within the size
 *   limit (configuration, 20 MB by default): a request to upload anything else is refused (422);
 * - an uploaded file is kept only when its content shows the type it was declared as (its name
 *   says nothing) and it is within the limit; otherwise it is refused and removed;
 * - a kept file's SHA-256 is recorded, and every event that cites it as evidence carries it.
 * No I/O: the content's type, size and hash are found by the caller and passed in.
 */
import { RuleError, type FieldError } from '#shared/errors.js';
import type { Evidence } from '#events/reports/parts.js';

/**
 * The media types a unit may attach, with the name a user reads. Office files are taken in both
 * their Open XML (2007 and later) and their legacy binary (97–2003) forms; OFD because official
 * documents in China are issued in it. Macro-enabled Office files (`.docm`, `.xlsm`) are not taken.
 */
export const attachmentMediaTypes = {
  'application/pdf': 'PDF 文档',
  'application/ofd': 'OFD 版式文档',
  'image/png': 'PNG 图片',
  'image/jpeg': 'JPEG 图片',
  'image/gif': 'GIF 图片',
  'image/webp': 'WebP 图片',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word 文档（.docx）',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel 表格（.xlsx）',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint 演示文稿（.pptx）',
  'application/msword': 'Word 97-2003 文档（.doc）',
  'application/vnd.ms-excel': 'Excel 97-2003 表格（.xls）',
  'application/vnd.ms-powerpoint': 'PowerPoint 97-2003 演示文稿（.ppt）',
} as const;
export type AttachmentMediaType = keyof typeof attachmentMediaTypes;

export const isAttachmentMediaType = (value: string): value is AttachmentMediaType => Object.hasOwn(attachmentMediaTypes, value);

export type AttachmentStatus = 'pending' | 'stored' | 'refused';

/** An attachment as recorded: what was declared, and, once the upload is checked, what was found. */
export interface Attachment {
  readonly attachmentId: string;
  readonly unitId: string;
  readonly name: string;
  /** The type declared when the upload was requested; the content must show it. */
  readonly mediaType: AttachmentMediaType;
  /** The size declared when the upload was requested, in bytes. */
  readonly declaredSize: number;
  readonly status: AttachmentStatus;
  /** Who asked to upload it (the token's subject). */
  readonly uploadedBy: string;
  readonly createdAt: string;
  /** Stored: the SHA-256 (hex) and size in bytes of the content kept. */
  readonly sha256?: string;
  readonly size?: number;
  /** When the upload was checked (stored or refused). */
  readonly completedAt?: string;
  /** Refused: why, in Chinese. */
  readonly refusal?: string;
}

/** What a unit asks to upload. */
export interface UploadRequest {
  readonly name: string;
  readonly mediaType: string;
  readonly size: number;
}

/** The size limit of one file. */
export interface AttachmentLimits {
  readonly maxBytes: number;
}

/** A size as a person reads it: `20 MB`, `512 KB`, `300 字节`. */
export const formatBytes = (bytes: number): string => {
  const mb = 1024 * 1024;
  if (bytes >= mb) return `${Number((bytes / mb).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} 字节`;
};

/** A size over a limit, as a person reads both: in bytes when rounding would make them look the same. */
const overLimit = (size: number, maxBytes: number): string =>
  formatBytes(size) === formatBytes(maxBytes) ? `文件大小 ${size} 字节超过上限 ${maxBytes} 字节` : `文件大小 ${formatBytes(size)} 超过上限 ${formatBytes(maxBytes)}`;

/** A type as a person reads it: its name and the type itself. */
export const describeMediaType = (mediaType: string | undefined): string => {
  if (mediaType === undefined) return '无法识别的内容';
  return isAttachmentMediaType(mediaType) ? `${attachmentMediaTypes[mediaType]}（${mediaType}）` : mediaType;
};

/**
 * Checks a request to upload: an allowed type (compared without case) within the size limit.
 * Gives the declared type as it is kept; refuses (422) naming each problem.
 */
export const decideUploadRequest = (request: UploadRequest, limits: AttachmentLimits): AttachmentMediaType => {
  const mediaType = request.mediaType.trim().toLowerCase();
  const errors: FieldError[] = [];
  if (!isAttachmentMediaType(mediaType)) {
    errors.push({
      path: 'body.mediaType',
      message: `不支持的文件类型 ${request.mediaType}；可上传：${Object.values(attachmentMediaTypes).join('、')}`,
    });
  }
  if (request.size > limits.maxBytes) {
    errors.push({ path: 'body.size', message: overLimit(request.size, limits.maxBytes) });
  }
  if (errors.length > 0) throw new RuleError(`The upload is refused: ${errors.map((e) => e.message).join('; ')}`, errors);
  return mediaType as AttachmentMediaType;
};

/** Whether the content's type is the declared one. */
export const contentMatches = (declared: AttachmentMediaType, sniffed: string | undefined): boolean => sniffed === declared;

/** What the uploaded object turned out to be: its size, and, when it was read, its type and hash. */
export type UploadedContent =
  | { readonly kind: 'read'; readonly size: number; readonly sniffed: string | undefined; readonly sha256: string }
  /** Over the limit: not read at all. */
  | { readonly kind: 'too-large'; readonly size: number };

/** The outcome of checking an upload. */
export type Completion =
  | { readonly kind: 'stored'; readonly sha256: string; readonly size: number }
  | { readonly kind: 'refused'; readonly refusal: string };

/** Checks the uploaded content against the declared type and the size limit. */
export const decideCompletion = (attachment: Attachment, content: UploadedContent, limits: AttachmentLimits): Completion => {
  if (content.kind === 'too-large' || content.size > limits.maxBytes) {
    return { kind: 'refused', refusal: `${overLimit(content.size, limits.maxBytes)}，未予保存` };
  }
  if (!contentMatches(attachment.mediaType, content.sniffed)) {
    return {
      kind: 'refused',
      refusal: `文件内容为${describeMediaType(content.sniffed)}，与声明的类型${describeMediaType(attachment.mediaType)}不符，未予保存`,
    };
  }
  return { kind: 'stored', sha256: content.sha256, size: content.size };
};

/** The attachment after the check. */
export const completed = (attachment: Attachment, completion: Completion, at: string): Attachment =>
  completion.kind === 'stored'
    ? { ...attachment, status: 'stored', sha256: completion.sha256, size: completion.size, completedAt: at }
    : { ...attachment, status: 'refused', refusal: completion.refusal, completedAt: at };

/** The refusal (422) of a refused attachment, the same each time it is asked for. */
export const refusalError = (attachment: Attachment): RuleError =>
  new RuleError(`Attachment ${attachment.attachmentId} was refused: ${attachment.refusal}`, [{ path: 'file', message: attachment.refusal ?? '附件未通过校验' }]);

/**
 * The evidence that attachments give an item: each id must name a stored attachment of the unit
 * (`found` holds what was found by id); refuses (422) naming every id that does not, at `field`.
 */
export const decideEvidence = (attachmentIds: readonly string[], found: ReadonlyMap<string, Attachment>, field: string): Evidence[] => {
  const errors: FieldError[] = attachmentIds.flatMap((id, index) => {
    const attachment = found.get(id);
    if (attachment?.status === 'stored') return [];
    const why = attachment === undefined ? '不存在' : attachment.status === 'pending' ? '尚未完成上传校验' : '未通过校验';
    return [{ path: `${field}.${index}`, message: `附件 ${id} ${why}，不能作为佐证材料` }];
  });
  if (errors.length > 0) throw new RuleError(`Not stored attachments of the unit: ${errors.map((e) => e.path).join(', ')}`, errors);
  return attachmentIds.map((id) => {
    const { attachmentId, name, mediaType, sha256 } = found.get(id)!;
    return { attachmentId, name, mediaType, sha256: sha256! };
  });
};
