import { NotFoundError } from '#shared/errors.js';
import { breakReasons, signedMessageOf, verifyChain, type ChainBreak, type SignatureLink } from '../domain/chain.js';
import { contentHashOf, type Letter } from '../domain/letters.js';
import { verifySignature } from '../domain/suites.js';
import { publicKeys } from '../adapters/keys.js';
import { chainLinks, letterRef, letterVersions } from '../adapters/letterRepository.js';

/** What a verification answers. */
export interface Verification {
  readonly valid: boolean;
  readonly unitId: string;
  readonly year: number;
  readonly signatures: number;
  readonly head: string | null;
  readonly brokenAt: ChainBreak | null;
}

const broken = (sequence: number, documentId: string, reason: ChainBreak['reason']): ChainBreak => ({ sequence, documentId, reason, message: breakReasons[reason] });

/**
 * Verifies a unit and year's chain from its start: each link's hash and place, its digital
 * signature against the key store's public key (never one from the table), and the content hash of
 * the document it signed as the document is stored now.
 */
export const verifyUnitYear = async (unitId: string, year: number): Promise<Verification & { links: readonly SignatureLink[]; letters: readonly Letter[] }> => {
  const [links, letters] = await Promise.all([chainLinks(unitId, year), letterVersions(unitId, year)]);
  const keys = new Map(await Promise.all([...new Set(links.map((l) => l.keyId))].map(async (keyId) => [keyId, await publicKeys(keyId)] as const)));
  const documents = new Map(letters.map((l) => [`${l.letterId}#${l.version}`, l]));
  const verdict = verifyChain(links, {
    contentHashOf: (documentId, version, suite) => {
      const letter = documents.get(`${documentId}#${version}`);
      return letter ? contentHashOf(letter, suite) : undefined;
    },
    digitalSignatureHolds: (link) => {
      const spki = keys.get(link.keyId);
      return spki ? verifySignature(link.suite, signedMessageOf(link.hash), Buffer.from(link.digitalSignature, 'base64'), spki) : undefined;
    },
  });
  return {
    valid: verdict.valid,
    unitId,
    year,
    signatures: verdict.signatures,
    head: verdict.valid ? verdict.head : null,
    brokenAt: verdict.valid ? null : verdict.brokenAt,
    links,
    letters,
  };
};

/**
 * Verifies a letter: its unit and year's chain from the start, then that every signature the
 * letter records is in the chain, and that its stored content still has the hash it was issued
 * with (for a letter nobody has signed yet as well).
 */
export const verifyLetter = async (letterId: string): Promise<Verification> => {
  const ref = await letterRef(letterId);
  if (!ref) throw new NotFoundError(`Letter ${letterId} does not exist`);
  const { links, letters, ...chain } = await verifyUnitYear(ref.unitId, ref.year);
  if (!chain.valid) return chain;
  const letter = letters.find((l) => l.letterId === letterId && l.version === ref.version);
  if (!letter) return { ...chain, valid: false, head: null, brokenAt: broken(0, letterId, 'document') };
  const missing = letter.signatures.find((s) => links[s.sequence - 1]?.hash !== s.hash || links[s.sequence - 1]?.documentId !== letterId);
  if (missing) return { ...chain, valid: false, head: null, brokenAt: broken(missing.sequence, letterId, 'missing') };
  if (contentHashOf(letter, letter.suite) !== letter.contentHash) {
    return { ...chain, valid: false, head: null, brokenAt: broken(letter.signatures[0]?.sequence ?? 0, letterId, 'contentHash') };
  }
  return chain;
};
