/**
 * The signature chain of a unit and year: every signature on a letter (or pledge) of that unit, in
 * the order they were made, each holding the hash of the one before it and a digital signature over
 * its own hash. Pure rules, no I/O: the store and the key are passed in.
 *
 * Why three layers. The content hash ties a signature to exactly what was signed; the chain ties
 * each signature to all before it, so one cannot be removed or reordered unnoticed; and the digital
 * signature, made with a key the table does not hold (KMS in AWS), stops someone who can edit the
 * table from rewriting the whole chain with recomputed hashes.
 */
import { z } from 'zod';
import { canonicalDigest, signatureSuites } from './suites.js';

/** What a signature records; its own `hash` is the digest of exactly these fields (RFC 8785). */
export const SignatureFields = z.object({
  unitId: z.string(),
  year: z.number().int(),
  /** Position in the unit and year's chain, from 1. */
  sequence: z.number().int().positive(),
  /** The letter or pledge signed, and its version. */
  documentId: z.string(),
  documentVersion: z.number().int().positive(),
  signerPersonId: z.string(),
  signerPostId: z.string(),
  /** The post's role, as held when signing. */
  signerRole: z.string(),
  /** Which party of the document the signer signs for. */
  party: z.string(),
  /** ISO 8601 with offset. */
  signedAt: z.string(),
  /** The digest of the document's canonical content. */
  contentHash: z.string(),
  /** The hash of the previous signature of the chain; null for the first. */
  previousHash: z.string().nullable(),
  suite: z.enum(signatureSuites),
  /** The key that made the digital signature (a KMS key ARN, or a local key's id). */
  keyId: z.string(),
});
export type SignatureFields = z.infer<typeof SignatureFields>;

/** A signature as stored and published: its fields, its hash and the digital signature (base64 DER). */
export const SignatureLink = SignatureFields.extend({ hash: z.string(), digitalSignature: z.string() });
export type SignatureLink = z.infer<typeof SignatureLink>;

/** The hash of a signature's fields, under its suite; other attributes of the stored item do not count. */
export const linkHashOf = (link: SignatureFields): string => canonicalDigest(link.suite, SignatureFields.parse(link));

/** What the digital signature of a link is made over: the bytes of its hash. */
export const signedMessageOf = (hash: string): Buffer => Buffer.from(hash, 'hex');

/**
 * Why a link does not hold, in the order they are checked; then what a document's own record or the
 * chain's head item may disagree on (`missing`, `record`, `head`).
 */
export const breakReasons = {
  sequence: '签名序号不连续（有签名被删除或插入）',
  previousHash: '前一签名的哈希不符（链被改动）',
  hash: '签名内容与其哈希不符（签名记录被改动）',
  digitalSignature: '数字签名无效（签名记录被重写或密钥不符）',
  unknownKey: '签名密钥未知，无法验证数字签名',
  document: '所签文书不存在',
  contentHash: '文书内容与签署时的哈希不符（文书被改动）',
  missing: '文书记载的签名不在签名链中（签名被删除）',
  head: '签名链的链头与最后一个签名不符（链被截断或链头被改动）',
  record: '文书记载的签署情况与签名链不符（文书记录被改动）',
  seal: '文书的签发印鉴无效（文书在签发后被改动）',
} as const;
export type BreakReason = keyof typeof breakReasons;

/** The first link that does not hold, and why. */
export interface ChainBreak {
  readonly sequence: number;
  readonly documentId: string;
  readonly reason: BreakReason;
  /** The reason in Chinese, for people. */
  readonly message: string;
}

/** The answer of a verification. */
export type ChainVerdict =
  | { readonly valid: true; readonly signatures: number; readonly head: string | null }
  | { readonly valid: false; readonly signatures: number; readonly brokenAt: ChainBreak };

/** What a verification needs from outside: documents' current content hashes and the keys. */
export interface ChainWitness {
  /** The digest of the stored document's canonical content now, under `suite`; undefined if it is gone. */
  contentHashOf(documentId: string, documentVersion: number, suite: SignatureFields['suite']): string | undefined;
  /** Whether the digital signature is the key's over the link's hash; undefined when the key is unknown. */
  digitalSignatureHolds(link: SignatureLink): boolean | undefined;
}

const checkLink = (link: SignatureLink, index: number, previous: SignatureLink | undefined, witness: ChainWitness): BreakReason | undefined => {
  if (link.sequence !== index + 1) return 'sequence';
  if (link.previousHash !== (previous?.hash ?? null)) return 'previousHash';
  if (linkHashOf(link) !== link.hash) return 'hash';
  const holds = witness.digitalSignatureHolds(link);
  if (holds === undefined) return 'unknownKey';
  if (!holds) return 'digitalSignature';
  const content = witness.contentHashOf(link.documentId, link.documentVersion, link.suite);
  if (content === undefined) return 'document';
  if (content !== link.contentHash) return 'contentHash';
  return undefined;
};

/**
 * Verifies a chain from its start: `links` as read from the store, in sequence order. Answers valid
 * with the head's hash, or the first link that does not hold and why.
 *
 * @example
 * ```ts
 * import { verifyChain } from '#services/signing/src/domain/chain.js';
 *
 * const verdict = verifyChain([], { contentHashOf: () => undefined, digitalSignatureHolds: () => undefined });
 * // verdict: { valid: true, signatures: 0, head: null }
 * ```
 */
export const verifyChain = (links: readonly SignatureLink[], witness: ChainWitness): ChainVerdict => {
  for (const [index, link] of links.entries()) {
    const reason = checkLink(link, index, links[index - 1], witness);
    if (reason) {
      return {
        valid: false,
        signatures: links.length,
        brokenAt: { sequence: link.sequence, documentId: link.documentId, reason, message: breakReasons[reason] },
      };
    }
  }
  return { valid: true, signatures: links.length, head: links.at(-1)?.hash ?? null };
};

/**
 * The fields of the next link of a chain whose head is `head` (undefined for an empty chain): the
 * caller adds the hash ({@link linkHashOf}) and has the key sign it.
 */
export const nextLinkFields = (head: Pick<SignatureLink, 'sequence' | 'hash'> | undefined, fields: Omit<SignatureFields, 'sequence' | 'previousHash'>): SignatureFields => ({
  ...fields,
  sequence: (head?.sequence ?? 0) + 1,
  previousHash: head?.hash ?? null,
});
