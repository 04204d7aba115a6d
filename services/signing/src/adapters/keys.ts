/**
 * The key that makes the digital signatures: one the signing table does not hold, so that whoever
 * can edit the table still cannot re-sign a rewritten chain.
 * - In AWS, an asymmetric KMS key (`SIGN_VERIFY`; `ECC_NIST_P256`, or `SM2` in the China regions),
 *   whose ARN the CDK app puts in the function's environment. The private key never leaves KMS.
 *   https://docs.aws.amazon.com/kms/latest/developerguide/symmetric-asymmetric.html
 * - Locally, a key file in the runtime's data folder (`file:<path>`), made at first use with one key
 *   per suite, readable by its owner only.
 * Verification reads public keys from the same place, never from the table.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GetPublicKeyCommand, KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { sm2 } from 'sm-crypto-v2';
import { requireEnv } from '#shared/env.js';
import { signingKeyEnvName } from '#shared/manifest.js';
import { kmsNames, signWithSoftwareKey, sm2SpkiOf, type SignatureSuite } from '../domain/suites.js';

/** Signs with the service's key. */
export interface SigningKey {
  readonly keyId: string;
  readonly suite: SignatureSuite;
  /** The suite's signature of `message` (DER). */
  sign(message: Uint8Array): Promise<Buffer>;
}

/** Finds the public key (SubjectPublicKeyInfo DER) of a key that made signatures; undefined if unknown. */
export type PublicKeys = (keyId: string) => Promise<Uint8Array | undefined>;

interface KeyFileEntry {
  readonly keyId: string;
  readonly suite: SignatureSuite;
  readonly privateKey: string;
  readonly publicKey: string;
}

const readKeyFile = (file: string): KeyFileEntry[] => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { keys: KeyFileEntry[] }).keys : []);

const newSoftwareKey = (suite: SignatureSuite): KeyFileEntry => {
  const { privateKey, spki } =
    suite === 'sm3-sm2'
      ? (() => {
          const pair = sm2.generateKeyPairHex();
          return { privateKey: Buffer.from(pair.privateKey, 'hex'), spki: sm2SpkiOf(pair.publicKey) };
        })()
      : (() => {
          const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
          return { privateKey: pair.privateKey.export({ format: 'der', type: 'pkcs8' }), spki: pair.publicKey.export({ format: 'der', type: 'spki' }) };
        })();
  const keyId = `local:${suite}:${createHash('sha256').update(spki).digest('hex').slice(0, 16)}`;
  return { keyId, suite, privateKey: privateKey.toString('base64'), publicKey: spki.toString('base64') };
};

/** Keys read from files, by file and suite: a signature does not read the file again. */
const readKeys = new Map<string, KeyFileEntry>();

/** The file's key of `suite`, made and written (owner-only) if the file has none. */
const fileKey = (file: string, suite: SignatureSuite): KeyFileEntry => {
  const known = readKeys.get(`${file}#${suite}`);
  if (known) return known;
  const entry = readOrMakeKey(file, suite);
  readKeys.set(`${file}#${suite}`, entry);
  return entry;
};

const readOrMakeKey = (file: string, suite: SignatureSuite): KeyFileEntry => {
  const keys = readKeyFile(file);
  const found = keys.find((k) => k.suite === suite);
  if (found) return found;
  const made = newSoftwareKey(suite);
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify({ keys: [...keys, made] }, null, 2), { mode: 0o600 });
  renameSync(temporary, file);
  return made;
};

let kms: KMSClient | undefined;
const kmsClient = (): KMSClient => (kms ??= new KMSClient({}));

/** Where the service's key is: `file:<path>` or a KMS key ARN, from the manifest's key variable. */
const keyLocation = (): string => requireEnv(signingKeyEnvName('signing', 'signatures'));

/** The signing key of the configured suite. */
export const signingKey = (suite: SignatureSuite): SigningKey => {
  const location = keyLocation();
  if (location.startsWith('file:')) {
    const entry = fileKey(location.slice('file:'.length), suite);
    const privateKey = Buffer.from(entry.privateKey, 'base64');
    return { keyId: entry.keyId, suite, sign: async (message) => signWithSoftwareKey(suite, message, privateKey) };
  }
  return {
    keyId: location,
    suite,
    sign: async (message) => {
      // RAW: KMS hashes the message itself (SHA-256, or SM3 with the default SM2 ID), as verification does.
      // https://docs.aws.amazon.com/kms/latest/APIReference/API_Sign.html
      const { Signature } = await kmsClient().send(
        new SignCommand({ KeyId: location, Message: message, MessageType: 'RAW', SigningAlgorithm: kmsNames[suite].signingAlgorithm }),
      );
      if (!Signature) throw new Error('KMS returned no signature');
      return Buffer.from(Signature);
    },
  };
};

const knownPublicKeys = new Map<string, Uint8Array>();

/** The public keys of the service's key store: the key file's, or KMS's (`GetPublicKey`), kept once read. */
export const publicKeys: PublicKeys = async (keyId) => {
  const known = knownPublicKeys.get(keyId);
  if (known) return known;
  const location = keyLocation();
  let found: Uint8Array | undefined;
  if (location.startsWith('file:')) {
    const entry = readKeyFile(location.slice('file:'.length)).find((k) => k.keyId === keyId);
    found = entry ? Buffer.from(entry.publicKey, 'base64') : undefined;
  } else if (keyId.startsWith('arn:')) {
    try {
      found = (await kmsClient().send(new GetPublicKeyCommand({ KeyId: keyId }))).PublicKey;
    } catch (error) {
      // A key that does not exist, or one of another account this role may not read: not ours.
      if (!['NotFoundException', 'AccessDeniedException', 'InvalidArnException'].includes((error as Error).name)) throw error;
    }
  }
  if (found) knownPublicKeys.set(keyId, found);
  return found;
};
