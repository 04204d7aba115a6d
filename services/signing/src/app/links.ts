import { toCstIso } from '#events/envelope.js';
import { linkHashOf, nextLinkFields, signedMessageOf, type SignatureLink } from '../domain/chain.js';
import type { SignatureSuite } from '../domain/suites.js';
import type { SigningKey } from '../adapters/keys.js';
import { chainHead } from '../adapters/letterRepository.js';

/** What a signature is about: the document, the signer and how the document's content hashes. */
export interface LinkSubject {
  readonly unitId: string;
  readonly year: number;
  readonly documentId: string;
  readonly documentVersion: number;
  readonly signerPersonId: string;
  readonly signerPostId: string;
  readonly signerRole: string;
  readonly party: string;
  /** The document's content hash under a suite. */
  readonly contentHash: (suite: SignatureSuite) => string;
}

/** The next link of the unit and year's chain for `subject`, hashed and digitally signed with `key`. */
export const nextLink = async (subject: LinkSubject, key: SigningKey, now: Date): Promise<SignatureLink> => {
  const { contentHash, ...about } = subject;
  const fields = nextLinkFields(await chainHead(subject.unitId, subject.year), {
    ...about,
    signedAt: toCstIso(now),
    contentHash: contentHash(key.suite),
    suite: key.suite,
    keyId: key.keyId,
  });
  const hash = linkHashOf(fields);
  return { ...fields, hash, digitalSignature: (await key.sign(signedMessageOf(hash))).toString('base64') };
};
