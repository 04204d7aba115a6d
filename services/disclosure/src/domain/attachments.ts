/**
 * What a complainant may attach: a few photos or scanned pages, each a JPEG, PNG or PDF as its
 * content shows (never its name nor a declared type), and small enough for a filing to carry.
 * Pure: the content's type is found by the caller and given here.
 */
import type { FieldError } from '#shared/errors.js';

export const attachmentRules = {
  /** Files a complaint may carry. */
  maxFiles: 3,
  /** Bytes of one file, decoded. */
  maxBytes: 1024 * 1024,
  /** The media types a file's content may show. */
  mediaTypes: ['image/jpeg', 'image/png', 'application/pdf'] as readonly string[],
};

/** An attachment as the complaint records it; its file is kept sealed in the bucket. */
export interface AttachmentRecord {
  readonly name: string;
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
}

/** What is wrong with the file at `index`: too large, or content of a type not taken (or of none). */
export const attachmentErrors = (index: number, size: number, sniffed: string | undefined): FieldError[] => {
  const path = `body.attachments.${index}`;
  if (size === 0) return [{ path, message: '附件为空 / the file is empty' }];
  if (size > attachmentRules.maxBytes) return [{ path, message: `附件超过 ${attachmentRules.maxBytes / 1024 / 1024} MB / larger than the limit` }];
  if (!sniffed || !attachmentRules.mediaTypes.includes(sniffed)) return [{ path, message: `仅接受 JPG、PNG 图片和 PDF 文件（按文件内容识别为 ${sniffed ?? '未知类型'}） / content not of a type taken` }];
  return [];
};
