/**
 * Where attachment files are kept, outside the table: the service's `attachments` bucket. Clients
 * upload straight to it with a presigned PUT URL, so a file never passes through a function's
 * payload (6 MB); the completion step then reads it back to check it.
 * - In AWS, an S3 bucket whose name the CDK app puts in `REPORTS_ATTACHMENTS_BUCKET`.
 * - Locally, `file:<folder>`: a folder in the runtime's data folder, with upload URLs that the
 *   local gateway takes on the API's own port (`shared/storage/localUploads.ts`).
 */
import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { requireEnv } from '#shared/env.js';
import { bucketEnvName } from '#shared/manifest.js';
import { isSafeObjectKey, localUploadsKey, localUploadsKeyEnv, localUploadUrl, localUploadsUrlEnv } from '#shared/storage/localUploads.js';
import { toCstIso } from '#events/envelope.js';

/** How a client uploads one file: a PUT of its bytes to `url` with exactly these headers, before `expiresAt`. */
export interface UploadTarget {
  readonly url: string;
  readonly method: 'PUT';
  readonly headers: Readonly<Record<string, string>>;
  readonly expiresAt: string;
}

/** What an upload URL is made for. */
export interface UploadOptions {
  readonly mediaType: string;
  /** The size the client declared, in bytes. */
  readonly size: number;
  /** The largest object the store should take, in bytes. */
  readonly maxBytes: number;
  readonly expiresInSeconds: number;
}

/** An object read back: its bytes, or only its size when that is over the bound (then it is not read). */
export type StoredObject = { readonly kind: 'found'; readonly bytes: Uint8Array } | { readonly kind: 'too-large'; readonly size: number };

/** The port the use cases see. */
export interface AttachmentStore {
  /** A presigned upload of the object `key`. */
  uploadTarget(key: string, options: UploadOptions, now: Date): Promise<UploadTarget>;
  /** The object `key`, read only when it is at most `maxBytes`; undefined when there is none. */
  read(key: string, maxBytes: number): Promise<StoredObject | undefined>;
  /** Removes the object `key`; nothing happens when there is none. */
  remove(key: string): Promise<void>;
}

/**
 * The S3 store. A presigned PUT cannot carry a size range (only a presigned POST policy can), so
 * the URL signs the declared `content-length` as well as the `content-type`: S3 refuses a body of
 * another length or type. The size is checked again when the upload is completed, as the limit
 * may be lower by then, and the object is removed if over it.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/PresignedUrlUploadObject.html
 */
export const s3Store = (bucket: string, client: S3Client = s3Client()): AttachmentStore => ({
  uploadTarget: async (key, options, now) => {
    const command = new PutObjectCommand({ Bucket: bucket, Key: key, ContentType: options.mediaType, ContentLength: options.size });
    const url = await getSignedUrl(client, command, {
      expiresIn: options.expiresInSeconds,
      signingDate: now,
      // The presigner leaves content-type unsigned by default; signing it (and the length) binds the upload to what was declared.
      signableHeaders: new Set(['content-type', 'content-length']),
    });
    return {
      url,
      method: 'PUT',
      headers: { 'content-type': options.mediaType, 'content-length': String(options.size) },
      expiresAt: toCstIso(new Date(now.getTime() + options.expiresInSeconds * 1000)),
    };
  },
  read: async (key, maxBytes) => {
    let head;
    try {
      head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    } catch (error) {
      if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return undefined;
      throw error;
    }
    const size = head.ContentLength ?? 0;
    if (size > maxBytes) return { kind: 'too-large', size };
    // The same object as the one measured, even if another upload replaced it meanwhile.
    const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key, ...(head.ETag ? { IfMatch: head.ETag } : {}) }));
    const bytes = (await object.Body?.transformToByteArray()) ?? new Uint8Array();
    return bytes.byteLength > maxBytes ? { kind: 'too-large', size: bytes.byteLength } : { kind: 'found', bytes };
  },
  remove: async (key) => {
    await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
  },
});

/**
 * The S3 client, made once. Checksums only where an operation requires them: by default the SDK
 * (since 3.729.0) would sign a CRC32 of the empty body into a presigned PUT URL, and S3 would
 * refuse every real upload to it.
 * https://github.com/aws/aws-sdk-js-v3/issues/6810
 */
let client: S3Client | undefined;
const s3Client = (): S3Client => (client ??= new S3Client({ requestChecksumCalculation: 'WHEN_REQUIRED' }));

/** The local store: one file per object in `folder`, uploaded through the local gateway. */
export const fileStore = (folder: string, names: { readonly service: string; readonly bucket: string }): AttachmentStore => {
  const fileOf = (key: string) => {
    if (!isSafeObjectKey(key)) throw new Error(`Not an object key: ${JSON.stringify(key)}`);
    return path.join(folder, ...key.split('/'));
  };
  return {
    uploadTarget: async (key, options, now) => {
      const expires = Math.floor(now.getTime() / 1000) + options.expiresInSeconds;
      const secret = localUploadsKey(requireEnv(localUploadsKeyEnv).replace(/^file:/, ''));
      const upload = { ...names, key, contentType: options.mediaType, maxBytes: options.maxBytes, expires };
      return {
        url: localUploadUrl(requireEnv(localUploadsUrlEnv), secret, upload),
        method: 'PUT',
        headers: { 'content-type': options.mediaType, 'content-length': String(options.size) },
        expiresAt: toCstIso(new Date(expires * 1000)),
      };
    },
    read: async (key, maxBytes) => {
      const file = fileOf(key);
      let size: number;
      try {
        size = (await stat(file)).size;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
      return size > maxBytes ? { kind: 'too-large', size } : { kind: 'found', bytes: await readFile(file) };
    },
    remove: async (key) => {
      await rm(fileOf(key), { force: true });
    },
  };
};

/** The attachments bucket of the reports service, as its environment variable says: `file:<folder>` or an S3 bucket name. */
export const attachmentStore = (): AttachmentStore => {
  const location = requireEnv(bucketEnvName('reports', 'attachments'));
  return location.startsWith('file:') ? fileStore(location.slice('file:'.length), { service: 'reports', bucket: 'attachments' }) : s3Store(location);
};
