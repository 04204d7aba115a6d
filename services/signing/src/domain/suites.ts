/**
 * The signature suites: a hash function and a digital signature algorithm that go together. Which
 * one a deployment uses is configuration (`SIGNATURE_SUITE`); every stored signature names its
 * suite, so a chain can be verified whatever the setting is today.
 *
 * - `sha256-ecdsa-p256` (the default): SHA-256 (FIPS 180-4) and ECDSA on P-256 (FIPS 186-5); an
 *   `ECC_NIST_P256` KMS key signing with `ECDSA_SHA_256`.
 * - `sm3-sm2`: SM3 (GB/T 32905-2016) and SM2 signatures (GB/T 32918.2-2016) on the recommended
 *   curve with the default distinguishing ID `1234567812345678` (GM/T 0009-2012); an `SM2` KMS key
 *   signing with `SM2DSA`, offered in the China regions. KMS uses that same ID when it is given the
 *   raw message: https://docs.aws.amazon.com/kms/latest/developerguide/offline-operations.html
 *
 * Node's own OpenSSL binding signs SM2 with an empty distinguishing ID and cannot be told another
 * one, so SM2 goes through `sm-crypto-v2` (built on `@noble/curves`); SM3 and everything of the
 * default suite use `node:crypto`.
 */
import { createHash, createPublicKey, sign as nodeSign, verify as nodeVerify, type KeyObject } from 'node:crypto';
import canonicalize from 'canonicalize';
import { sm2 } from 'sm-crypto-v2';

/** The suites a signature may use. */
export const signatureSuites = ['sha256-ecdsa-p256', 'sm3-sm2'] as const;
export type SignatureSuite = (typeof signatureSuites)[number];

/** The suite used when the configuration names none. */
export const defaultSuite: SignatureSuite = 'sha256-ecdsa-p256';

/** The SM2 user ID of GM/T 0009-2012 §10, which KMS also uses. */
export const sm2DefaultUserId = '1234567812345678';

/**
 * The DER prefix of a SubjectPublicKeyInfo of an uncompressed point on the SM2 curve
 * (id-ecPublicKey, curve 1.2.156.10197.1.301), the form KMS `GetPublicKey` returns for an SM2 key.
 */
const sm2SpkiPrefix = Buffer.from('3059301306072a8648ce3d020106082a811ccf5501822d034200', 'hex');

/** How KMS names each suite's key and algorithm. */
export const kmsNames = {
  'sha256-ecdsa-p256': { keySpec: 'ECC_NIST_P256', signingAlgorithm: 'ECDSA_SHA_256' },
  'sm3-sm2': { keySpec: 'SM2', signingAlgorithm: 'SM2DSA' },
} as const satisfies Record<SignatureSuite, { keySpec: string; signingAlgorithm: string }>;

/** The hash of `data` under the suite's hash function, as lowercase hex. */
export const digestOf = (suite: SignatureSuite, data: string | Uint8Array): string =>
  createHash(suite === 'sm3-sm2' ? 'sm3' : 'sha256')
    .update(data)
    .digest('hex');

/**
 * The canonical JSON of a value (RFC 8785, JSON Canonicalization Scheme): members sorted, numbers
 * and strings in one form, no whitespace. Refuses what JSON cannot hold (NaN, Infinity, undefined
 * at the top) rather than hashing something else.
 */
export const canonicalJson = (value: unknown): string => {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('The value has no JSON form');
  return text;
};

/** The hash of a value's canonical JSON (UTF-8): how a letter's content is fingerprinted. */
export const canonicalDigest = (suite: SignatureSuite, value: unknown): string => digestOf(suite, canonicalJson(value));

/** A public key as SubjectPublicKeyInfo DER: the form KMS gives and local key files keep. */
const spkiKey = (spki: Uint8Array): KeyObject => createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });

/** The uncompressed SM2 point (`04‖x‖y`, hex) inside an SM2 SubjectPublicKeyInfo. */
export const sm2PointOf = (spki: Uint8Array): string => {
  const der = Buffer.from(spki);
  if (der.length !== sm2SpkiPrefix.length + 65 || !der.subarray(0, sm2SpkiPrefix.length).equals(sm2SpkiPrefix)) {
    throw new TypeError('Not an SM2 public key (SubjectPublicKeyInfo of an uncompressed point)');
  }
  return der.subarray(sm2SpkiPrefix.length).toString('hex');
};

/** The SM2 SubjectPublicKeyInfo of an uncompressed point (`04‖x‖y`, hex). */
export const sm2SpkiOf = (point: string): Buffer => Buffer.concat([sm2SpkiPrefix, Buffer.from(point, 'hex')]);

/**
 * Whether `signature` (DER, as KMS returns it) is the suite's signature of `message` by the key
 * whose SubjectPublicKeyInfo is `spki`. A malformed key or signature is not valid; it never throws.
 */
export const verifySignature = (suite: SignatureSuite, message: Uint8Array, signature: Uint8Array, spki: Uint8Array): boolean => {
  try {
    if (suite === 'sm3-sm2') {
      return sm2.doVerifySignature(message, Buffer.from(signature).toString('hex'), sm2PointOf(spki), { hash: true, der: true, userId: sm2DefaultUserId });
    }
    return nodeVerify('sha256', message, spkiKey(spki), signature);
  } catch {
    return false;
  }
};

/**
 * A software key's signature of `message` (DER): for the local key file of `npm start` and tests.
 * In AWS the key stays in KMS and this is never called. `privateKey` is PKCS#8 DER for P-256 and
 * the 32-byte scalar for SM2.
 */
export const signWithSoftwareKey = (suite: SignatureSuite, message: Uint8Array, privateKey: Uint8Array): Buffer => {
  if (suite === 'sm3-sm2') {
    const hex = sm2.doSignature(message, Buffer.from(privateKey).toString('hex'), { hash: true, der: true, userId: sm2DefaultUserId });
    return Buffer.from(hex, 'hex');
  }
  return nodeSign('sha256', message, { key: Buffer.from(privateKey), format: 'der', type: 'pkcs8' });
};
