/**
 * The presigned upload URLs of the local runtime, where the gateway stands in for S3's presigned
 * PUT on the same port as the API:
 *
 * `PUT /_local/uploads/<service>/<bucket>/<key>?expires=<epoch s>&max=<bytes>&signature=<hex>`
 *
 * The signature is an HMAC-SHA256 of the method, the service, bucket and key, the content type the
 * upload must be sent with, the largest body taken and the expiry, under a key kept in the runtime's
 * data folder ({@link localUploadsKeyEnv}). The function that makes a URL and the gateway that takes
 * the upload both read that key; nothing else in the URL can be changed without the gateway
 * refusing it.
 *
 * @example
 * ```ts
 * import { localUploadUrl, parseLocalUpload, verifyLocalUpload } from '#shared/storage/localUploads.js';
 *
 * const secret = new Uint8Array(32).fill(7);
 * const upload = { service: 'reports', bucket: 'attachments', key: 'u/a', contentType: 'application/pdf', maxBytes: 1024, expires: 1_900_000_000 };
 * const url = new URL(localUploadUrl('http://localhost:3000', secret, upload));
 * const parsed = parseLocalUpload(url.pathname, url.searchParams, 'application/pdf');
 * const valid = parsed !== undefined && verifyLocalUpload(secret, parsed.upload, parsed.signature);
 * ```
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The variable that tells functions where the local upload key is: `file:<path>`. */
export const localUploadsKeyEnv = 'LOCAL_UPLOADS_KEY';

/** The variable that tells functions the gateway's base URL, which local upload URLs start with. */
export const localUploadsUrlEnv = 'LOCAL_UPLOADS_URL';

/** The path every local upload URL starts with. */
export const localUploadsPath = '/_local/uploads/';

/** What a local upload URL allows: one object, its content type, its largest size, until when. */
export interface LocalUpload {
  readonly service: string;
  readonly bucket: string;
  /** The object's key: segments of letters, digits, `.`, `_` and `-`, joined by `/`. */
  readonly key: string;
  readonly contentType: string;
  readonly maxBytes: number;
  /** Seconds since the epoch after which the URL is refused. */
  readonly expires: number;
}

const safeSegment = /^(?!\.{1,2}$)[A-Za-z0-9._-]{1,200}$/;

/** Whether `key` is one a local bucket keeps: safe segments only, so that it stays inside the bucket's folder. */
export const isSafeObjectKey = (key: string): boolean => key.split('/').every((segment) => safeSegment.test(segment));

/** The HMAC-SHA256 (hex) of everything the URL allows. */
export const localUploadSignature = (secret: Uint8Array, upload: LocalUpload): string =>
  createHmac('sha256', secret)
    .update(['PUT', upload.service, upload.bucket, upload.key, upload.contentType, String(upload.maxBytes), String(upload.expires)].join('\n'))
    .digest('hex');

/** The URL a client PUTs the object to, with `content-type: <contentType>`. */
export const localUploadUrl = (baseUrl: string, secret: Uint8Array, upload: LocalUpload): string => {
  if (!isSafeObjectKey(upload.key)) throw new Error(`Not a key a local bucket keeps: ${JSON.stringify(upload.key)}`);
  const query = new URLSearchParams({ expires: String(upload.expires), max: String(upload.maxBytes), signature: localUploadSignature(secret, upload) });
  return `${baseUrl.replace(/\/$/, '')}${localUploadsPath}${upload.service}/${upload.bucket}/${upload.key}?${query}`;
};

/**
 * Reads an upload request: the path after {@link localUploadsPath}, its query and the content type
 * it was sent with. Undefined when the URL is not one {@link localUploadUrl} could have made.
 */
export const parseLocalUpload = (
  pathname: string,
  query: URLSearchParams,
  contentType: string,
): { readonly upload: LocalUpload; readonly signature: string } | undefined => {
  if (!pathname.startsWith(localUploadsPath)) return undefined;
  const [service, bucket, ...key] = pathname.slice(localUploadsPath.length).split('/');
  const expires = query.get('expires') ?? '';
  const max = query.get('max') ?? '';
  const signature = query.get('signature') ?? '';
  if (!service || !bucket || key.length === 0 || !isSafeObjectKey(key.join('/'))) return undefined;
  if (!/^[0-9]{1,12}$/.test(expires) || !/^[1-9][0-9]{0,15}$/.test(max) || !/^[0-9a-f]{64}$/.test(signature)) return undefined;
  return { upload: { service, bucket, key: key.join('/'), contentType, maxBytes: Number(max), expires: Number(expires) }, signature };
};

/** Whether `signature` is the one of `upload` under `secret`, compared in constant time. */
export const verifyLocalUpload = (secret: Uint8Array, upload: LocalUpload, signature: string): boolean => {
  const expected = Buffer.from(localUploadSignature(secret, upload), 'hex');
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
};

const keys = new Map<string, Buffer>();

/** The upload key in `file`, made (32 random bytes, readable by its owner only) if there is none; read once per process. */
export const localUploadsKey = (file: string): Buffer => {
  const known = keys.get(file);
  if (known) return known;
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, randomBytes(32).toString('hex'), { mode: 0o600 });
    renameSync(temporary, file);
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  if (key.length < 32) throw new Error(`The local upload key in ${file} is too short`);
  keys.set(file, key);
  return key;
};
