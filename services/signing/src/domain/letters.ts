/**
 * Responsibility letters (责任书, 传责): one per signing pair of a unit and year, personalised from
 * the published lists —
 * - `committee`: the upper committee (its secretary signs) with the unit's committee (the unit's
 *   secretary signs), holding the unit's committee and first-responsible-person items;
 * - `member`: the unit's secretary with each team member, holding that member's own items.
 * A letter is complete when both parties have signed. Once signed it cannot change; an unsigned one
 * is corrected by a new version, which voids the old. Pure rules, no I/O.
 */
import type { LetterParty, ListItem } from '#events/signing/parts.js';
import { ConflictError, ForbiddenError, RuleError } from '#shared/errors.js';
import type { ResponsibilityList } from './lists.js';
import { heldOn, type Post } from './posts.js';
import { canonicalDigest, type SignatureSuite } from './suites.js';

export type LetterKind = 'committee' | 'member';
export type Party = 'issuer' | 'recipient';

/** A signature as the letter lists it; the whole signature is in the unit and year's chain. */
export interface LetterSignature {
  readonly party: Party;
  readonly personId: string;
  readonly sequence: number;
  readonly hash: string;
  readonly signedAt: string;
}

export interface Letter {
  readonly letterId: string;
  readonly version: number;
  readonly unitId: string;
  readonly year: number;
  readonly kind: LetterKind;
  readonly title: string;
  readonly issuer: LetterParty;
  readonly recipient: LetterParty;
  readonly items: readonly ListItem[];
  readonly suite: SignatureSuite;
  readonly contentHash: string;
  readonly status: 'issued' | 'completed' | 'voided';
  readonly signatures: readonly LetterSignature[];
  readonly issuedAt: string;
  readonly replacesVersion: number | null;
  /**
   * The issuer's seal: the service key's digital signature (base64 DER) over {@link sealMessageOf},
   * made when the version is issued, so that not even an unsigned letter can be rewritten in the
   * table with its content hash recomputed. Null only before the version is written.
   */
  readonly seal: { readonly keyId: string; readonly signature: string } | null;
}

/** What a letter version's seal signs: its identity and content hash, canonically. */
export const sealMessageOf = (letter: Pick<Letter, 'letterId' | 'version' | 'unitId' | 'year' | 'contentHash' | 'suite'>): Buffer =>
  Buffer.from(
    canonicalDigest(letter.suite, { letterId: letter.letterId, version: letter.version, unitId: letter.unitId, year: letter.year, contentHash: letter.contentHash }),
    'hex',
  );

/** What a letter's fingerprint covers: everything both parties read and sign, nothing else. */
export const letterContent = (letter: Omit<Letter, 'contentHash' | 'status' | 'signatures' | 'issuedAt' | 'replacesVersion' | 'suite' | 'seal'>) => ({
  letterId: letter.letterId,
  version: letter.version,
  unitId: letter.unitId,
  year: letter.year,
  kind: letter.kind,
  title: letter.title,
  issuer: letter.issuer,
  recipient: letter.recipient,
  items: letter.items,
});

/** The digest of a letter's canonical content under `suite`. */
export const contentHashOf = (letter: Parameters<typeof letterContent>[0], suite: SignatureSuite): string => canonicalDigest(suite, letterContent(letter));

/** The title every letter of a year carries. */
export const letterTitle = (year: number): string => `${year}年度党风廉政建设责任书`;

const partyOf = (post: Post): LetterParty => ({ unitId: post.unitId, postId: post.postId, role: post.role, personId: post.personId, name: post.name });

/** Why a letter could not be issued, named for the people who must act; `kind` null when no letter of the unit can be. */
export interface NotIssued {
  readonly who: string;
  readonly reason: string;
  readonly kind: LetterKind | null;
}

export interface IssuePlan {
  readonly letters: readonly Letter[];
  readonly notIssued: readonly NotIssued[];
}

export interface IssueContext {
  readonly unitId: string;
  readonly year: number;
  /** Whether the unit has an upper committee (it is not the root). */
  readonly hasParent: boolean;
  /** The unit's posts held on `today`. */
  readonly posts: readonly Post[];
  /** The upper unit's secretary held on `today`, if there is one. */
  readonly parentSecretary: Post | undefined;
  /** The unit's lists of the year. */
  readonly lists: readonly ResponsibilityList[];
  /** The unit's letters of the year, current versions. */
  readonly existing: readonly Letter[];
  readonly suite: SignatureSuite;
  readonly issuedAt: string;
}

/**
 * Plans the letters a unit's year still lacks: a pair that already has a letter in force (issued
 * or completed) gets none. A pair whose list is not published, or whose party has no post holder,
 * is named in `notIssued`.
 */
export const planLetters = (context: IssueContext, newId: () => string): IssuePlan => {
  const published = (subject: ResponsibilityList['subject'], postId: string | null) =>
    context.lists.find((l) => l.subject === subject && l.postId === postId && l.published !== null)?.published?.items;
  const inForce = (kind: LetterKind, recipientPostId: string) =>
    context.existing.some((l) => l.kind === kind && l.recipient.postId === recipientPostId && l.status !== 'voided');
  const secretary = context.posts.find((p) => p.role === 'secretary');
  if (!secretary) return { letters: [], notIssued: [{ who: '本单位书记', reason: '本单位当前没有在任书记，无法签订责任书', kind: null }] };

  const letters: Letter[] = [];
  const notIssued: NotIssued[] = [];
  const add = (kind: LetterKind, issuer: Post, recipient: Post, items: readonly ListItem[]) => {
    const draft = {
      letterId: newId(),
      version: 1,
      unitId: context.unitId,
      year: context.year,
      kind,
      title: letterTitle(context.year),
      issuer: partyOf(issuer),
      recipient: partyOf(recipient),
      items,
    };
    letters.push({ ...draft, suite: context.suite, contentHash: contentHashOf(draft, context.suite), status: 'issued', signatures: [], issuedAt: context.issuedAt, replacesVersion: null, seal: null });
  };

  if (context.hasParent && !inForce('committee', secretary.postId)) {
    const committee = published('committee', null);
    const firstResponsible = published('firstResponsiblePerson', secretary.postId);
    if (!context.parentSecretary) notIssued.push({ who: '上级党委书记', reason: '上级单位当前没有在任书记', kind: 'committee' });
    else if (!committee) notIssued.push({ who: '本单位党委（党组）', reason: '主体责任清单尚未发布', kind: 'committee' });
    else if (!firstResponsible) notIssued.push({ who: `${secretary.name}（${secretary.title}）`, reason: '第一责任人责任清单尚未发布', kind: 'committee' });
    else add('committee', context.parentSecretary, secretary, [...committee, ...firstResponsible]);
  }
  for (const member of context.posts.filter((p) => p.role !== 'secretary')) {
    if (inForce('member', member.postId)) continue;
    const items = published('teamMember', member.postId) ?? (member.role === 'disciplineChief' ? published('disciplineCommission', null) : undefined);
    if (!items) notIssued.push({ who: `${member.name}（${member.title}）`, reason: '本人责任清单尚未发布', kind: 'member' });
    else add('member', secretary, member, items);
  }
  return { letters, notIssued };
};

/**
 * Decides which party the signer signs for. `version` is the version the signer read: a letter
 * changed since is refused rather than signed unseen. The signer must hold the party's post today
 * (`posts` by id); a person who does not is refused whatever their role.
 */
export const decideSign = (letter: Letter, version: number, signerPersonId: string, posts: ReadonlyMap<string, Post>, today: string): Party => {
  if (letter.status === 'voided') throw new ConflictError('The letter was voided; sign its current version');
  if (letter.version !== version) throw new ConflictError(`The letter is at version ${letter.version}, not ${version}; read it again before signing`);
  const parties = (['issuer', 'recipient'] as const).filter((party) => {
    const post = posts.get(letter[party].postId);
    return post !== undefined && post.personId === signerPersonId && heldOn(post, today);
  });
  if (parties.length === 0) throw new ForbiddenError('Only the person who holds a party’s post may sign for it');
  const party = parties.find((p) => !letter.signatures.some((s) => s.party === p));
  if (!party) throw new ConflictError('The signer has already signed this letter');
  return party;
};

/** The letter with a signature added; complete once both parties have signed. */
export const withSignature = (letter: Letter, signature: LetterSignature): Letter => {
  const signatures = [...letter.signatures, signature];
  const complete = (['issuer', 'recipient'] as const).every((p) => signatures.some((s) => s.party === p));
  return { ...letter, signatures, status: complete ? 'completed' : 'issued' };
};

/** A correction: a new title or items, and the parties as they stand today (a holder who left replaced). */
export interface LetterCorrection {
  readonly title?: string | undefined;
  readonly items?: ReadonlyArray<{ readonly itemId?: string | undefined; readonly text: string; readonly area?: string | null | undefined }> | undefined;
  readonly issuer?: LetterParty | undefined;
  readonly recipient?: LetterParty | undefined;
}

const sameParty = (a: LetterParty, b: LetterParty | undefined) => b === undefined || (a.postId === b.postId && a.personId === b.personId && a.name === b.name);

/**
 * Decides a correction: refused once anyone has signed (the signed text is what it is); otherwise
 * the next version, which voids this one.
 */
export const decideCorrect = (letter: Letter, correction: LetterCorrection, newItemId: () => string, at: string): { voided: Letter; next: Letter } => {
  if (letter.status === 'voided') throw new ConflictError('The letter was voided; correct its current version');
  if (letter.signatures.length > 0) throw new ConflictError('The letter has been signed and can no longer change; issue a new letter instead');
  if (correction.title === undefined && correction.items === undefined && sameParty(letter.issuer, correction.issuer) && sameParty(letter.recipient, correction.recipient)) {
    throw new RuleError('A correction changes the title, the items or a party', []);
  }
  const known = new Set(letter.items.map((i) => i.itemId));
  const seen = new Set<string>();
  const unknown = (correction.items ?? []).flatMap((item, index) => {
    if (item.itemId === undefined) return [];
    if (!known.has(item.itemId)) return [{ path: `items.${index}.itemId`, message: '责任书中没有该事项' }];
    if (seen.has(item.itemId)) return [{ path: `items.${index}.itemId`, message: '事项重复' }];
    seen.add(item.itemId);
    return [];
  });
  if (unknown.length > 0) throw new RuleError('Some items are not items of this letter', unknown);
  const draft = {
    ...letter,
    version: letter.version + 1,
    title: correction.title ?? letter.title,
    issuer: correction.issuer ?? letter.issuer,
    recipient: correction.recipient ?? letter.recipient,
    items: correction.items?.map((item) => ({ itemId: item.itemId ?? newItemId(), text: item.text, area: item.area ?? null })) ?? letter.items,
  };
  return {
    voided: { ...letter, status: 'voided' },
    next: { ...draft, contentHash: contentHashOf(draft, letter.suite), status: 'issued', signatures: [], issuedAt: at, replacesVersion: letter.version, seal: null },
  };
};

/**
 * Decides withdrawing an unsigned letter without a replacement (its recipient left the post, say):
 * refused once anyone has signed, like any change.
 */
export const decideVoid = (letter: Letter): Letter => {
  if (letter.status === 'voided') throw new ConflictError('The letter was already voided');
  if (letter.signatures.length > 0) throw new ConflictError('The letter has been signed and can no longer be withdrawn');
  return { ...letter, status: 'voided' };
};
