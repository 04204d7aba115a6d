/**
 * Where complainants' attachments are kept, sealed (`cipher.ts`), outside the table: the service's
 * `attachments` bucket. A filing is small enough (a few MB) to carry its files in its body, so they
 * are written by the filing function itself, never uploaded to a URL.
 * - In AWS, an S3 bucket whose name the CDK app puts in `DISCLOSURE_ATTACHMENTS_BUCKET`.
 * - Locally, `file:<folder>`: one file per object in the runtime's data folder.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { requireEnv } from '#shared/env.js';
import { bucketEnvName } from '#shared/manifest.js';
import { isSafeObjectKey } from '#shared/storage/localUploads.js';

let client: S3Client | undefined;
const s3 = (): S3Client => (client ??= new S3Client({ requestChecksumCalculation: 'WHEN_REQUIRED' }));

const location = () => requireEnv(bucketEnvName('disclosure', 'attachments'));
const fileOf = (folder: string, key: string) => {
  if (!isSafeObjectKey(key)) throw new Error(`Not an object key: ${JSON.stringify(key)}`);
  return path.join(folder, ...key.split('/'));
};

/** Writes the object `key`. */
export const putFile = async (key: string, bytes: Buffer): Promise<void> => {
  const where = location();
  if (where.startsWith('file:')) {
    const file = fileOf(where.slice(5), key);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, bytes, { mode: 0o600 });
    return;
  }
  await s3().send(new PutObjectCommand({ Bucket: where, Key: key, Body: bytes, ContentType: 'application/octet-stream' }));
};

/** The object `key`. */
export const getFile = async (key: string): Promise<Buffer> => {
  const where = location();
  if (where.startsWith('file:')) return readFile(fileOf(where.slice(5), key));
  const object = await s3().send(new GetObjectCommand({ Bucket: where, Key: key }));
  return Buffer.from((await object.Body?.transformToByteArray()) ?? new Uint8Array());
};

/** Removes the object `key`; nothing happens when there is none. */
export const removeFile = async (key: string): Promise<void> => {
  const where = location();
  if (where.startsWith('file:')) await rm(fileOf(where.slice(5), key), { force: true });
  else await s3().send(new DeleteObjectCommand({ Bucket: where, Key: key }));
};
