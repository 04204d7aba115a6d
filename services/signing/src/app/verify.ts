import { NotFoundError } from '#shared/errors.js';
import { breakReasons, signedMessageOf, verifyChain, type ChainBreak, type SignatureLink } from '../domain/chain.js';
import { contentHashOf, sealMessageOf, type Letter } from '../domain/letters.js';
import { verifySignature, type SignatureSuite } from '../domain/suites.js';
import { pledgeContentHashOf, pledgeSealMessageOf, type Pledge } from '../domain/pledges.js';
import { unitPledges } from '../adapters/riskRepository.js';
import { publicKeys } from '../adapters/keys.js';
import { chainHead, chainLinks, letterRef, letterVersions } from '../adapters/letterRepository.js';

/** What a verification answers. */
export interface Verification {
  readonly valid: boolean;
  readonly unitId: string;
  readonly year: number;
  readonly signatures: number;
  readonly head: string | null;
  readonly brokenAt: ChainBreak | null;
}

/** A signed document of a chain (a letter version or a pledge), as verification reads it. */
interface ChainDocument {
  readonly id: string;
  readonly version: number;
  readonly suite: SignatureSuite;
  readonly storedHash: string;
  readonly contentHash: (suite: SignatureSuite) => string;
  readonly sealMessage: Buffer;
  readonly seal: { readonly keyId: string; readonly signature: string } | null;
  /** The sequence of its first signature, to name it by (0 when unsigned). */
  readonly firstSequence: number;
}

const letterDocument = (l: Letter): ChainDocument => ({
  id: l.letterId,
  version: l.version,
  suite: l.suite,
  storedHash: l.contentHash,
  contentHash: (suite) => contentHashOf(l, suite),
  sealMessage: sealMessageOf(l),
  seal: l.seal,
  firstSequence: l.signatures[0]?.sequence ?? 0,
});

const pledgeDocument = (p: Pledge): ChainDocument => ({
  id: p.pledgeId,
  version: p.version,
  suite: p.suite,
  storedHash: p.contentHash,
  contentHash: (suite) => pledgeContentHashOf(p, suite),
  sealMessage: pledgeSealMessageOf(p),
  seal: p.seal,
  firstSequence: p.signature?.sequence ?? 0,
});

/** Whether a document's seal is the key store's signature over its identity and content hash. */
const sealHolds = (doc: ChainDocument, keys: ReadonlyMap<string, Uint8Array | undefined>): boolean => {
  const spki = doc.seal ? keys.get(doc.seal.keyId) : undefined;
  return spki !== undefined && doc.seal !== null && verifySignature(doc.suite, doc.sealMessage, Buffer.from(doc.seal.signature, 'base64'), spki);
};

const broken = (sequence: number, documentId: string, reason: ChainBreak['reason']): ChainBreak => ({ sequence, documentId, reason, message: breakReasons[reason] });

/**
 * Verifies a unit and year's chain from its start: each link's hash and place, its digital
 * signature against the key store's public key (never one from the table), and the content hash of
 * the document it signed as the document is stored now.
 */
export const verifyUnitYear = async (unitId: string, year: number): Promise<Verification & { links: readonly SignatureLink[]; letters: readonly Letter[] }> => {
  // Letters before links: a signature made meanwhile is then at worst a link whose letter was read
  // before it, never a letter listing a link not yet read.
  const [letters, pledges] = await Promise.all([letterVersions(unitId, year), unitPledges(unitId, year)]);
  const [links, head] = await Promise.all([chainLinks(unitId, year), chainHead(unitId, year)]);
  const docs = [...letters.map(letterDocument), ...pledges.map(pledgeDocument)];
  const keyIds = new Set([...links.map((l) => l.keyId), ...docs.flatMap((d) => (d.seal ? [d.seal.keyId] : []))]);
  const keys = new Map(await Promise.all([...keyIds].map(async (keyId) => [keyId, await publicKeys(keyId)] as const)));
  const documents = new Map(docs.map((d) => [`${d.id}#${d.version}`, d]));
  const verdict = verifyChain(links, {
    contentHashOf: (documentId, version, suite) => documents.get(`${documentId}#${version}`)?.contentHash(suite),
    digitalSignatureHolds: (link) => {
      const spki = keys.get(link.keyId);
      return spki ? verifySignature(link.suite, signedMessageOf(link.hash), Buffer.from(link.digitalSignature, 'base64'), spki) : undefined;
    },
  });
  // Then every document (each letter version, each pledge): its stored content must still give its
  // content hash, and the seal over that hash must hold (an unsigned one is covered too).
  const altered = verdict.valid ? docs.find((d) => d.contentHash(d.suite) !== d.storedHash) : undefined;
  const unsealed = verdict.valid && !altered ? docs.find((d) => !sealHolds(d, keys)) : undefined;
  const last = links.at(-1);
  // The head item must name the last link: a chain cut short together with its head still shows
  // against the published heads (ADR 0014), but a head that disagrees with the links shows here.
  const headHolds = head === undefined ? last === undefined : last !== undefined && head.sequence === last.sequence && head.hash === last.hash;
  const brokenAt = !verdict.valid
    ? verdict.brokenAt
    : altered
      ? broken(altered.firstSequence, altered.id, 'contentHash')
      : unsealed
        ? broken(unsealed.firstSequence, unsealed.id, 'seal')
        : headHolds
          ? null
          : broken(head?.sequence ?? 0, last?.documentId ?? '', 'head');
  return { valid: brokenAt === null, unitId, year, signatures: verdict.signatures, head: brokenAt === null && verdict.valid ? verdict.head : null, brokenAt, links, letters };
};

/**
 * Whether a letter version's own record agrees with the chain: the signatures it lists are exactly
 * the links made on that version (same sequence, hash, party, signer and time), and its status is
 * what they make it (complete with both parties, voided only unsigned). Gives the first sequence
 * that disagrees (0 for the status alone), or undefined.
 */
const recordDisagrees = (letter: Letter, links: readonly SignatureLink[]): number | undefined => {
  const made = links.filter((l) => l.documentId === letter.letterId && l.documentVersion === letter.version);
  const listed = [...letter.signatures].sort((a, b) => a.sequence - b.sequence);
  for (let i = 0; i < Math.max(made.length, listed.length); i++) {
    const link = made[i];
    const entry = listed[i];
    if (!link || !entry || link.sequence !== entry.sequence || link.hash !== entry.hash || link.party !== entry.party || link.signerPersonId !== entry.personId || link.signedAt !== entry.signedAt) {
      return entry?.sequence ?? link?.sequence ?? 0;
    }
  }
  const complete = (['issuer', 'recipient'] as const).every((party) => made.some((l) => l.party === party));
  const statusHolds = letter.status === 'voided' ? made.length === 0 : letter.status === (complete ? 'completed' : 'issued');
  return statusHolds ? undefined : 0;
};

/**
 * Verifies a letter: its unit and year's chain from the start, every letter of it (content and
 * seal), then that the record of every version of this letter agrees with the chain.
 */
export const verifyLetter = async (letterId: string): Promise<Verification> => {
  const ref = await letterRef(letterId);
  if (!ref) throw new NotFoundError(`Letter ${letterId} does not exist`);
  const { links, letters, ...chain } = await verifyUnitYear(ref.unitId, ref.year);
  if (!chain.valid) return chain;
  const versions = letters.filter((l) => l.letterId === letterId);
  const fail = (sequence: number, reason: ChainBreak['reason']): Verification => ({ ...chain, valid: false, head: null, brokenAt: broken(sequence, letterId, reason) });
  if (!versions.some((l) => l.version === ref.version)) return fail(0, 'document');
  for (const letter of versions) {
    const missing = letter.signatures.find((s) => links[s.sequence - 1] === undefined);
    if (missing) return fail(missing.sequence, 'missing');
    const disagreement = recordDisagrees(letter, links);
    if (disagreement !== undefined) return fail(disagreement, 'record');
  }
  return chain;
};
