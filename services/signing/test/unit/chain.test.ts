/**
 * The signature chain: built with a software key, then altered the ways someone who can edit the
 * table could alter it. Each alteration is named at the first link it breaks.
 */
import { generateKeyPairSync } from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';
import {
  linkHashOf,
  nextLinkFields,
  signedMessageOf,
  verifyChain,
  type ChainWitness,
  type SignatureFields,
  type SignatureLink,
} from '../../src/domain/chain.js';
import { canonicalDigest, signWithSoftwareKey, sm2SpkiOf, verifySignature, type SignatureSuite } from '../../src/domain/suites.js';

interface Key {
  readonly suite: SignatureSuite;
  readonly id: string;
  readonly privateKey: Buffer;
  readonly spki: Buffer;
}

const keyOf = (suite: SignatureSuite, id: string): Key => {
  if (suite === 'sm3-sm2') {
    const pair = sm2.generateKeyPairHex();
    return { suite, id, privateKey: Buffer.from(pair.privateKey, 'hex'), spki: sm2SpkiOf(pair.publicKey) };
  }
  const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { suite, id, privateKey: pair.privateKey.export({ format: 'der', type: 'pkcs8' }), spki: pair.publicKey.export({ format: 'der', type: 'spki' }) };
};

/** Letters by id (version 1), as a store would hold their content. */
type Letters = Map<string, { title: string; items: string[] }>;

const sign = (key: Key, fields: SignatureFields): SignatureLink => {
  const hash = linkHashOf(fields);
  return { ...fields, hash, digitalSignature: signWithSoftwareKey(key.suite, signedMessageOf(hash), key.privateKey).toString('base64') };
};

/** Signs each letter in turn, both parties, into one chain. */
const chainOf = (key: Key, letters: Letters): SignatureLink[] => {
  const links: SignatureLink[] = [];
  for (const [documentId, content] of letters) {
    for (const party of ['issuer', 'recipient']) {
      const fields = nextLinkFields(links.at(-1), {
        unitId: 'unit-1',
        year: 2027,
        documentId,
        documentVersion: 1,
        signerPersonId: `${party}-of-${documentId}`,
        signerPostId: `post-${party}`,
        signerRole: party === 'issuer' ? 'secretary' : 'teamMember',
        party,
        signedAt: '2027-02-01T09:00:00+08:00',
        contentHash: canonicalDigest(key.suite, content),
        suite: key.suite,
        keyId: key.id,
      });
      links.push(sign(key, fields));
    }
  }
  return links;
};

const witnessOf = (letters: Letters, keys: readonly Key[]): ChainWitness => ({
  contentHashOf: (documentId, _version, suite) => {
    const content = letters.get(documentId);
    return content ? canonicalDigest(suite, content) : undefined;
  },
  digitalSignatureHolds: (link) => {
    const key = keys.find((k) => k.id === link.keyId);
    return key ? verifySignature(link.suite, signedMessageOf(link.hash), Buffer.from(link.digitalSignature, 'base64'), key.spki) : undefined;
  },
});

const lettersOf = (): Letters =>
  new Map([
    ['letter-a', { title: '党风廉政建设责任书', items: ['落实主体责任', '一岗双责'] }],
    ['letter-b', { title: '党风廉政建设责任书', items: ['分管领域廉政风险防控'] }],
    ['letter-c', { title: '党风廉政建设责任书', items: ['监督责任'] }],
  ]);

describe.each(['sha256-ecdsa-p256', 'sm3-sm2'] as const)('a chain signed with %s', (suite) => {
  const key = keyOf(suite, 'key-1');

  it('verifies from the start, and its head is the last link’s hash', () => {
    // Prepare
    const letters = lettersOf();
    const links = chainOf(key, letters);

    // Act
    const verdict = verifyChain(links, witnessOf(letters, [key]));

    // Assess
    expect(verdict).toEqual({ valid: true, signatures: 6, head: links[5]!.hash });
  });

  it('names the link whose letter was changed after signing', () => {
    // Prepare
    const letters = lettersOf();
    const links = chainOf(key, letters);
    letters.set('letter-b', { title: '党风廉政建设责任书', items: ['分管领域廉政风险防控（改）'] });

    // Act
    const verdict = verifyChain(links, witnessOf(letters, [key]));

    // Assess
    expect(verdict).toMatchObject({ valid: false, brokenAt: { sequence: 3, documentId: 'letter-b', reason: 'contentHash' } });
  });

  it('names a signature whose recorded time was edited', () => {
    // Prepare
    const letters = lettersOf();
    const links = chainOf(key, letters);
    links[3] = { ...links[3]!, signedAt: '2027-01-01T09:00:00+08:00' };

    // Act
    const verdict = verifyChain(links, witnessOf(letters, [key]));

    // Assess
    expect(verdict).toMatchObject({ valid: false, brokenAt: { sequence: 4, reason: 'hash' } });
  });

  it('names the gap where a signature was removed', () => {
    // Prepare
    const letters = lettersOf();
    const links = chainOf(key, letters);
    links.splice(2, 1);

    // Act
    const verdict = verifyChain(links, witnessOf(letters, [key]));

    // Assess
    expect(verdict).toMatchObject({ valid: false, brokenAt: { sequence: 4, reason: 'sequence' } });
  });

  it('detects a chain rewritten consistently with recomputed hashes, by its digital signatures', () => {
    // Prepare: the letter changed, and every link from there recomputed, as an editor of the table
    // could do; without the key, the digital signatures cannot be made again.
    const letters = lettersOf();
    const links = chainOf(key, letters);
    letters.set('letter-b', { title: '党风廉政建设责任书', items: [] });
    for (let i = 2; i < links.length; i++) {
      const fields = { ...links[i]!, previousHash: links[i - 1]!.hash };
      if (fields.documentId === 'letter-b') fields.contentHash = canonicalDigest(suite, letters.get('letter-b'));
      links[i] = { ...fields, hash: linkHashOf(fields) };
    }

    // Act
    const verdict = verifyChain(links, witnessOf(letters, [key]));

    // Assess
    expect(verdict).toMatchObject({ valid: false, brokenAt: { sequence: 3, documentId: 'letter-b', reason: 'digitalSignature' } });
  });

  it('detects a chain re-signed with a key of the editor’s own, and one whose key is unknown', () => {
    // Prepare
    const letters = lettersOf();
    const forger = keyOf(suite, 'key-1');
    const forged = chainOf(forger, letters);
    const unknown = chainOf(keyOf(suite, 'key-2'), letters);

    // Act / Assess
    expect(verifyChain(forged, witnessOf(letters, [key]))).toMatchObject({ valid: false, brokenAt: { sequence: 1, reason: 'digitalSignature' } });
    expect(verifyChain(unknown, witnessOf(letters, [key]))).toMatchObject({ valid: false, brokenAt: { sequence: 1, reason: 'unknownKey' } });
  });

  it('names a signature whose letter is gone', () => {
    // Prepare
    const letters = lettersOf();
    const links = chainOf(key, letters);
    letters.delete('letter-c');

    // Act
    const verdict = verifyChain(links, witnessOf(letters, [key]));

    // Assess
    expect(verdict).toMatchObject({ valid: false, brokenAt: { sequence: 5, documentId: 'letter-c', reason: 'document' } });
    expect(verdict.valid || verdict.brokenAt.message).toBe('所签文书不存在');
  });
});

it('hashes only the signature’s own fields, not the other attributes of a stored item', () => {
  // Prepare
  const key = keyOf('sha256-ecdsa-p256', 'key-1');
  const [link] = chainOf(key, lettersOf());
  const stored = { ...link!, pk: 'CHAIN#unit-1#2027', sk: 'SIG#000001', kind: 'signature' };

  // Act / Assess
  expect(linkHashOf(stored)).toBe(link!.hash);
});
