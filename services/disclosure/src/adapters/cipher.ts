/**
 * Encryption of what the service keeps of a complainant (contact details, and for an hour the
 * receipt code of a filing, so that a second submission of it gets the same code back).
 * - In AWS, a symmetric KMS key whose ARN the CDK app gives; KMS encrypts up to 4 KB directly,
 *   and these values are far smaller. https://docs.aws.amazon.com/kms/latest/APIReference/API_Encrypt.html
 * - Locally, AES-256-GCM with a 32-byte key file in the runtime's data folder, made at first use and
 *   readable by its owner only.
 * The context names the complaint, so that a ciphertext copied onto another complaint does not open.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DecryptCommand, EncryptCommand, GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { requireEnv } from '#shared/env.js';
import { encryptionKeyEnvName } from '#shared/manifest.js';

const location = () => requireEnv(encryptionKeyEnvName('disclosure', 'contacts'));

const fileKeys = new Map<string, Buffer>();
const fileKey = (file: string): Buffer => {
  const known = fileKeys.get(file);
  if (known) return known;
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, randomBytes(32), { mode: 0o600 });
    // Another process may have made it meanwhile: the first one made stays.
    if (!existsSync(file)) renameSync(temporary, file);
  }
  const key = readFileSync(file);
  fileKeys.set(file, key);
  return key;
};

let kms: KMSClient | undefined;
const kmsClient = (): KMSClient => (kms ??= new KMSClient({}));

/** `plain` encrypted for `context` (a complaint id): `v1.<base64>` locally, `kms.<base64>` in AWS. */
export const encrypt = async (plain: string, context: string): Promise<string> => {
  const where = location();
  if (where.startsWith('file:')) {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', fileKey(where.slice(5)), iv);
    cipher.setAAD(Buffer.from(context));
    const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `v1.${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64')}`;
  }
  const { CiphertextBlob } = await kmsClient().send(new EncryptCommand({ KeyId: where, Plaintext: Buffer.from(plain, 'utf8'), EncryptionContext: { complaint: context } }));
  return `kms.${Buffer.from(CiphertextBlob!).toString('base64')}`;
};

/** The plain text of what {@link encrypt} made for the same `context`. */
export const decrypt = async (sealed: string, context: string): Promise<string> => {
  const [scheme, body] = [sealed.slice(0, sealed.indexOf('.')), Buffer.from(sealed.slice(sealed.indexOf('.') + 1), 'base64')];
  if (scheme === 'v1') {
    const decipher = createDecipheriv('aes-256-gcm', fileKey(location().slice(5)), body.subarray(0, 12));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(body.subarray(12, 28));
    return Buffer.concat([decipher.update(body.subarray(28)), decipher.final()]).toString('utf8');
  }
  const { Plaintext } = await kmsClient().send(new DecryptCommand({ CiphertextBlob: body, KeyId: location(), EncryptionContext: { complaint: context } }));
  return Buffer.from(Plaintext!).toString('utf8');
};

/** Bytes sealed with AES-256-GCM under `key`, bound to `context`: the nonce, the tag, then the ciphertext. */
const gcmSeal = (key: Buffer, bytes: Uint8Array, context: string): Buffer => {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context));
  const sealed = Buffer.concat([cipher.update(bytes), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]);
};
const gcmOpen = (key: Buffer, body: Buffer, context: string): Buffer => {
  const decipher = createDecipheriv('aes-256-gcm', key, body.subarray(0, 12));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(body.subarray(12, 28));
  return Buffer.concat([decipher.update(body.subarray(28)), decipher.final()]);
};

/**
 * A file (an attachment, up to a few MB) sealed for `context`. Locally with the key file (first
 * byte 1); in AWS by envelope encryption, as KMS encrypts at most 4 KB itself: a data key from
 * GenerateDataKey seals the bytes and is kept encrypted beside them (first byte 2, then its length
 * in two bytes). https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateDataKey.html
 */
export const sealBytes = async (bytes: Uint8Array, context: string): Promise<Buffer> => {
  const where = location();
  if (where.startsWith('file:')) return Buffer.concat([Buffer.from([1]), gcmSeal(fileKey(where.slice(5)), bytes, context)]);
  const { Plaintext, CiphertextBlob } = await kmsClient().send(new GenerateDataKeyCommand({ KeyId: where, KeySpec: 'AES_256', EncryptionContext: { complaint: context } }));
  const wrapped = Buffer.from(CiphertextBlob!);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(wrapped.byteLength);
  return Buffer.concat([Buffer.from([2]), length, wrapped, gcmSeal(Buffer.from(Plaintext!), bytes, context)]);
};

/** The bytes {@link sealBytes} sealed for the same `context`. */
export const openBytes = async (sealed: Buffer, context: string): Promise<Buffer> => {
  if (sealed[0] === 1) return gcmOpen(fileKey(location().slice(5)), sealed.subarray(1), context);
  const length = sealed.readUInt16BE(1);
  const { Plaintext } = await kmsClient().send(new DecryptCommand({ CiphertextBlob: sealed.subarray(3, 3 + length), KeyId: location(), EncryptionContext: { complaint: context } }));
  return gcmOpen(Buffer.from(Plaintext!), sealed.subarray(3 + length), context);
};
