/**
 * The local stand-in for the services' S3 buckets: a folder per manifest bucket under the data
 * folder, passed to the functions as `file:<folder>`, and the gateway's route that takes uploads
 * to the presigned URLs the functions make (`shared/storage/localUploads.ts`), where S3 would.
 *
 * An upload is refused, as S3 refuses it, when its signature does not hold (a changed URL, or
 * another content type than the one signed) or it has expired (403), and when its body is larger
 * than the URL allows (413): at once when `content-length` says so, otherwise as soon as the
 * streamed body passes the limit, without keeping anything of it. The object is written under a
 * temporary name and renamed when complete, so a reader never sees half a file.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import path from 'node:path';
import { bucketEnvName, type ServiceManifest } from '#shared/manifest.js';
import { ForbiddenError, MethodNotAllowedError, NotFoundError, PayloadTooLargeError, ValidationError } from '#shared/errors.js';
import { localUploadsKey, localUploadsKeyEnv, parseLocalUpload, verifyLocalUpload } from '#shared/storage/localUploads.js';

/** The runtime's buckets and the key their upload URLs are signed with. */
export interface LocalBuckets {
  readonly secret: Uint8Array;
  /** The folder of a bucket a manifest declares; undefined for any other. */
  folderOf(service: string, bucket: string): string | undefined;
}

/** The folder that holds one bucket's objects. */
export const bucketFolder = (dataDir: string, service: string, bucket: string): string => path.join(dataDir, 'buckets', `${service}-${bucket}`);

/** The file of the key local upload URLs are signed with; made at first use, beside the signing keys. */
export const uploadsKeyFile = (dataDir: string): string => path.join(dataDir, 'keys', 'local-uploads.key');

/**
 * The environment that tells functions where their buckets are and where the upload key is, as the
 * CDK app tells them the bucket names in AWS.
 */
export const bucketEnvironment = (dataDir: string, services: readonly ServiceManifest[]): Record<string, string> => ({
  [localUploadsKeyEnv]: `file:${uploadsKeyFile(dataDir)}`,
  ...Object.fromEntries(
    services.flatMap((service) => Object.keys(service.buckets ?? {}).map((bucket) => [bucketEnvName(service.name, bucket), `file:${bucketFolder(dataDir, service.name, bucket)}`])),
  ),
});

/** The buckets the manifests declare, with the upload key (made if missing). */
export const localBuckets = (dataDir: string, services: readonly ServiceManifest[]): LocalBuckets => ({
  secret: localUploadsKey(uploadsKeyFile(dataDir)),
  folderOf: (service, bucket) =>
    services.some((s) => s.name === service && s.buckets?.[bucket] !== undefined) ? bucketFolder(dataDir, service, bucket) : undefined,
});

/**
 * Copies the request's body to `file`, refusing it as soon as it passes `maxBytes`; gives the
 * number of bytes written, or `too-large`. It settles once the file is closed, so that the caller
 * may remove it.
 */
const receive = (req: http.IncomingMessage, file: string, maxBytes: number): Promise<number | 'too-large'> =>
  new Promise((resolve, reject) => {
    const out = createWriteStream(file, { flags: 'wx', mode: 0o600 });
    let size = 0;
    let outcome: { readonly kind: 'written' } | { readonly kind: 'too-large' } | { readonly kind: 'failed'; readonly error: unknown } | undefined;
    const stop = (reached: NonNullable<typeof outcome>) => {
      if (outcome) return;
      outcome = reached;
      req.unpipe(out);
      if (reached.kind !== 'written') out.destroy();
    };
    // Registered before the pipe, so that it sees each chunk before the file does; once the body
    // is refused, the rest of it keeps flowing here and is dropped.
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) stop({ kind: 'too-large' });
    });
    req.on('error', (error) => stop({ kind: 'failed', error }));
    req.on('close', () => {
      if (!req.complete) stop({ kind: 'failed', error: new ValidationError('The upload was cut short') });
    });
    out.on('error', (error) => stop({ kind: 'failed', error }));
    out.on('finish', () => stop({ kind: 'written' }));
    out.on('close', () => {
      if (outcome?.kind === 'written') resolve(size);
      else if (outcome?.kind === 'too-large') resolve('too-large');
      else reject(outcome?.error ?? new Error('The upload file closed early'));
    });
    req.pipe(out);
  });

/** Answers `PUT /_local/uploads/…`: checks the URL, then writes the object into its bucket's folder. */
export const receiveUpload = async (req: http.IncomingMessage, res: http.ServerResponse, url: URL, buckets: LocalBuckets, now: Date): Promise<void> => {
  if (req.method !== 'PUT') throw new MethodNotAllowedError(`${url.pathname} answers PUT only`, ['PUT']);
  const parsed = parseLocalUpload(url.pathname, url.searchParams, req.headers['content-type'] ?? '');
  if (!parsed) throw new ForbiddenError('Not an upload URL this runtime made');
  const { upload, signature } = parsed;
  if (!verifyLocalUpload(buckets.secret, upload, signature)) {
    throw new ForbiddenError('The upload URL’s signature does not hold: the URL was changed, or the upload is not sent with the content type it was made for');
  }
  if (upload.expires * 1000 < now.getTime()) throw new ForbiddenError('The upload URL has expired');
  const folder = buckets.folderOf(upload.service, upload.bucket);
  if (!folder) throw new NotFoundError(`No bucket ${upload.service}/${upload.bucket}`);
  const tooLarge = () => new PayloadTooLargeError(`The file is over the ${upload.maxBytes} bytes this upload URL allows`);
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > upload.maxBytes) throw tooLarge();

  const target = path.join(folder, ...upload.key.split('/'));
  const temporary = `${target}.${randomUUID()}.part`;
  await mkdir(path.dirname(target), { recursive: true });
  try {
    const size = await receive(req, temporary, upload.maxBytes);
    if (size === 'too-large') throw tooLarge();
    await rename(temporary, target);
  } finally {
    await rm(temporary, { force: true });
  }
  res.writeHead(200, { 'content-length': '0' });
  res.end();
};
