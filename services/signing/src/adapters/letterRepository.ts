import type { SignatureLink } from '../domain/chain.js';
import type { Letter } from '../domain/letters.js';
import { queryPartition } from '#shared/dynamo/client.js';
import { getItem, queryItems, table, withoutKeys, type ItemPut } from './store.js';

const versionSk = (year: number, letterId: string, version: number) => `LETTER#${year}#${letterId}#V${String(version).padStart(6, '0')}`;

/**
 * A letter version's revision, from its state: 1 when issued, one more per signature, one more when
 * voided. Two changes decided on the same reading (two signatures, a signature and a correction)
 * expect the same revision, so only one is written.
 */
const revisionOf = (letter: Letter): number => 1 + letter.signatures.length + (letter.status === 'voided' ? 1 : 0);

/**
 * A letter as stored: its `kind` (committee or member) is kept as `letterKind`, since `kind` is the
 * table's item type, which the stream filter reads.
 */
const toItem = <T extends { kind: Letter['kind'] }>({ kind, ...rest }: T) => ({ ...rest, letterKind: kind });
const fromItem = <T>(item: Record<string, unknown>): T => {
  const { letterKind, ...rest } = withoutKeys<Record<string, unknown>>(item);
  return { ...rest, kind: letterKind } as T;
};

/** Every version of the unit's letters of a year, oldest first. */
export const letterVersions = async (unitId: string, year: number): Promise<Letter[]> =>
  (await queryItems(`UNIT#${unitId}`, `LETTER#${year}#`)).map((item) => fromItem<Letter>(item));

/** The current version of each of the unit's letters of a year. */
export const currentLetters = async (unitId: string, year: number): Promise<Letter[]> => {
  const latest = new Map<string, Letter>();
  for (const letter of await letterVersions(unitId, year)) latest.set(letter.letterId, letter);
  return [...latest.values()];
};

/** Where a letter is, and its current version. */
export interface LetterRef {
  readonly unitId: string;
  readonly year: number;
  readonly version: number;
}

export const letterRef = async (letterId: string): Promise<LetterRef | undefined> => {
  const item = await getItem(`LETTER#${letterId}`, 'LETTER');
  return item ? { unitId: item.unitId as string, year: item.year as number, version: item.version as number } : undefined;
};

/** The current version of a letter. */
export const getLetter = async (letterId: string): Promise<Letter | undefined> => {
  const ref = await letterRef(letterId);
  if (!ref) return undefined;
  const item = await getItem(`UNIT#${ref.unitId}`, versionSk(ref.year, letterId, ref.version));
  return item ? fromItem<Letter>(item) : undefined;
};

/**
 * The puts that record a letter version: the version itself (new, or replacing the state it was
 * read in), where the letter is, and its line in the year's overview. A version voided by a
 * correction is written alone (`alone`): the next version's puts move the reference and the line,
 * and one transaction may touch an item only once.
 */
export const letterPuts = (letter: Letter, isNew: boolean, alone = false): ItemPut[] => [
  {
    item: { pk: `UNIT#${letter.unitId}`, sk: versionSk(letter.year, letter.letterId, letter.version), ...toItem(letter), kind: 'letter', revision: revisionOf(letter) },
    expect: isNew ? 'absent' : { revision: revisionOf(letter) - 1 },
    what: 'The letter',
  },
  ...(alone
    ? []
    : [
        {
          item: { pk: `LETTER#${letter.letterId}`, sk: 'LETTER', kind: 'letterRef', unitId: letter.unitId, year: letter.year, version: letter.version },
          expect: 'any' as const,
          what: 'The letter’s reference',
        },
        {
          item: {
            pk: `LETTERS#${letter.year}`,
            sk: `${letter.unitId}#${letter.letterId}`,
            ...toItem(summaryOf(letter)),
            kind: 'letterSummary',
          },
          expect: 'any' as const,
          what: 'The letter’s summary',
        },
      ]),
];

/** A letter's line in the year's overview. */
export interface LetterSummary {
  readonly letterId: string;
  readonly version: number;
  readonly unitId: string;
  readonly kind: Letter['kind'];
  readonly status: Letter['status'];
  readonly issuer: Letter['issuer'];
  readonly recipient: Letter['recipient'];
  readonly signedParties: ReadonlyArray<'issuer' | 'recipient'>;
}

const summaryOf = (letter: Letter): LetterSummary => ({
  letterId: letter.letterId,
  version: letter.version,
  unitId: letter.unitId,
  kind: letter.kind,
  status: letter.status,
  issuer: letter.issuer,
  recipient: letter.recipient,
  signedParties: letter.signatures.map((s) => s.party),
});

/** The year's letters in force, every unit. */
export const letterSummaries = async (year: number): Promise<LetterSummary[]> =>
  (await queryPartition(table(), `LETTERS#${year}`)).map((item) => fromItem<LetterSummary>(item));

/** The key of a signing pair's slot. */
export const pairKey = (letter: Pick<Letter, 'unitId' | 'year' | 'kind' | 'recipient'>) => ({ pk: `UNIT#${letter.unitId}`, sk: `PAIR#${letter.year}#${letter.kind}#${letter.recipient.postId}` });

/** The slot of a signing pair: taken by the pair's first letter, so a pair never gets two. */
export const pairPut = (letter: Letter): ItemPut => ({
  item: { ...pairKey(letter), kind: 'letterPair', letterId: letter.letterId },
  expect: 'absent',
  what: 'The signing pair',
});

const chainPk = (unitId: string, year: number) => `CHAIN#${unitId}#${year}`;

/** The unit and year's chain, from its start. */
export const chainLinks = async (unitId: string, year: number): Promise<SignatureLink[]> =>
  (await queryItems(chainPk(unitId, year), 'SIG#')).map((item) => withoutKeys<SignatureLink>(item));

/** The chain's head: its last link's sequence and hash. */
export const chainHead = async (unitId: string, year: number): Promise<Pick<SignatureLink, 'sequence' | 'hash'> | undefined> => {
  const item = await getItem(chainPk(unitId, year), 'HEAD');
  return item ? { sequence: item.revision as number, hash: item.hash as string } : undefined;
};

/** The puts that append a link: the link, and the head moved on from the one it was made after. */
export const linkPuts = (link: SignatureLink): ItemPut[] => [
  { item: { pk: chainPk(link.unitId, link.year), sk: `SIG#${String(link.sequence).padStart(8, '0')}`, kind: 'signature', ...link }, expect: 'absent', what: 'The signature' },
  {
    item: { pk: chainPk(link.unitId, link.year), sk: 'HEAD', kind: 'chainHead', revision: link.sequence, hash: link.hash },
    expect: link.sequence === 1 ? 'absent' : { revision: link.sequence - 1 },
    what: 'The chain’s head',
  },
];

/** The unit a letter belongs to, for the reach guard of the routes that name a letter. */
export const letterOwner = async (letterId: string): Promise<string | undefined> => (await letterRef(letterId))?.unitId;
