import { v7 as uuidv7 } from 'uuid';
import type { Caller } from '#shared/auth/claims.js';
import type { TreePosition } from '#shared/auth/reach.js';
import { toCstIso, type Causation } from '#events/envelope.js';
import type { LetterParty, SignatureRecord } from '#events/signing/parts.js';
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from '#shared/errors.js';
import { inReach } from '#shared/auth/reach.js';
import { signingConfig } from '../config.js';
import { actorOf } from '../domain/actor.js';
import { contentHashOf, decideCorrect, decideSign, decideVoid, planLetters, sealMessageOf, withSignature, type IssuePlan, type Letter, type LetterCorrection } from '../domain/letters.js';
import { heldOn, heldPosts, type Post } from '../domain/posts.js';
import { signingKey, type SigningKey } from '../adapters/keys.js';
import { currentLetters, getLetter, letterPuts, linkPuts, pairKey, pairPut } from '../adapters/letterRepository.js';
import { getUnit, listUnits } from '../adapters/unitRepository.js';
import { unitLists } from '../adapters/listRepository.js';
import { getPost, unitPosts } from '../adapters/postRepository.js';
import { againOnConflict, writeWithEvents } from '../adapters/store.js';
import type { CorrectLetterBody } from '../schemas.js';
import { cstDate, signingEvent } from './events.js';
import { nextLink } from './links.js';

const issuedEvent = (caller: Caller, letter: Letter, cause: Causation, now: Date) =>
  signingEvent(
    'signing.LetterIssued.v1',
    { subject: letter.letterId, unitId: letter.unitId, version: letter.version },
    {
      letterId: letter.letterId,
      version: letter.version,
      unitId: letter.unitId,
      year: letter.year,
      kind: letter.kind,
      issuer: letter.issuer,
      recipient: letter.recipient,
      itemIds: letter.items.map((i) => i.itemId),
      contentHash: letter.contentHash,
      replacesVersion: letter.replacesVersion,
      actor: actorOf(caller),
    },
    cause,
    now,
  );

/** Letters written at once when issuing. */
const issueConcurrency = 8;

/**
 * Issues the letters the unit's year still lacks, one transaction each (with its pair's slot, so a
 * pair issued meanwhile by someone else is skipped). With `subordinates`, also the committee letter
 * of every active unit directly below (the city committee with each of its subordinate committees).
 * Refused with 422 when none can be issued, naming why for each.
 */
export const issueLetters = async (caller: Caller, unit: TreePosition, year: number, now: Date, cause: Causation, subordinates = false): Promise<IssuePlan> => {
  const below = subordinates ? (await listUnits()).filter((u) => u.parentId === unit.id && u.active !== false) : [];
  const plans = [await issueFor(caller, unit, year, now, cause, ['committee', 'member'])];
  for (const child of below) {
    const plan = await issueFor(caller, child, year, now, cause, ['committee']);
    plans.push({ letters: plan.letters, notIssued: plan.notIssued.map((n) => ({ ...n, who: `${child.name}：${n.who}` })) });
  }
  const result = { letters: plans.flatMap((p) => p.letters), notIssued: plans.flatMap((p) => p.notIssued) };
  if (result.letters.length === 0 && result.notIssued.length > 0) {
    throw new RuleError('No letter can be issued yet', result.notIssued.map((n) => ({ path: n.who, message: n.reason })));
  }
  return result;
};

/** Issues the unit's missing letters of the given kinds; gives what was issued and what could not be. */
const issueFor = async (caller: Caller, unit: TreePosition, year: number, now: Date, cause: Causation, kinds: readonly Letter['kind'][]): Promise<IssuePlan> => {
  const today = cstDate(now);
  const parentId = unit.ancestorIds.at(-1);
  const [posts, parentPosts, lists, existing] = await Promise.all([
    unitPosts(unit.id),
    parentId ? unitPosts(parentId) : Promise.resolve([]),
    unitLists(unit.id, year),
    currentLetters(unit.id, year),
  ]);
  const plan = planLetters(
    {
      unitId: unit.id,
      year,
      hasParent: parentId !== undefined,
      posts: heldPosts(posts, today),
      parentSecretary: heldPosts(parentPosts, today).find((p) => p.role === 'secretary'),
      lists,
      existing,
      suite: signingConfig().suite,
      issuedAt: toCstIso(now),
    },
    uuidv7,
  );
  // The plan's letters carry the configured suite, the key's.
  const key = signingKey(signingConfig().suite);
  const issueOne = async (unsealed: Letter): Promise<Letter | undefined> => {
    const letter = await sealed(unsealed, key);
    try {
      await writeWithEvents([...letterPuts(letter, true), pairPut(letter)], [issuedEvent(caller, letter, cause, now)], now, 'The pair’s letter was issued meanwhile');
      return letter;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      return undefined;
    }
  };
  // Letters are independent of each other: a few transactions at a time, so a unit with hundreds of
  // members is issued well within the route's timeout.
  const issued: Letter[] = [];
  const wanted = plan.letters.filter((l) => kinds.includes(l.kind));
  for (let i = 0; i < wanted.length; i += issueConcurrency) {
    const written = await Promise.all(wanted.slice(i, i + issueConcurrency).map(issueOne));
    issued.push(...written.filter((l): l is Letter => l !== undefined));
  }
  return { letters: issued, notIssued: plan.notIssued.filter((n) => n.kind === null || kinds.includes(n.kind)) };
};

/** The letter version with the issuer's seal: the service key's signature over its identity and content hash. */
const sealed = async (letter: Letter, key: SigningKey): Promise<Letter> => ({
  ...letter,
  seal: { keyId: key.keyId, signature: (await key.sign(sealMessageOf(letter))).toString('base64') },
});

const letterOrNotFound = async (letterId: string): Promise<Letter> => {
  const letter = await getLetter(letterId);
  if (!letter) throw new NotFoundError(`Letter ${letterId} does not exist`);
  return letter;
};

/** The posts of both parties, by id (each read by its key: a unit may have hundreds of posts). */
const partyPosts = async (letter: Letter): Promise<Map<string, Post>> => {
  const posts = await Promise.all([letter.issuer, letter.recipient].map((party) => getPost(party.unitId, party.postId)));
  return new Map(posts.flatMap((p) => (p ? [[p.postId, p] as const] : [])));
};

/** Attempts at appending a signature when another signature of the unit takes the chain's head first. */
const signAttempts = 5;

/**
 * Signs the letter version the caller read, for the party whose post the caller holds today: a new
 * link of the unit and year's chain, digitally signed by the service's key, with `LetterSigned`
 * (carrying the chain's new head) and, with the second signature, `LetterCompleted`.
 */
export const signLetter = (caller: Caller, letterId: string, version: number, now: Date, cause: Causation): Promise<{ letter: Letter; signature: SignatureRecord }> =>
  // Another signature of the unit may take the chain's head first: read again and sign after it.
  againOnConflict(() => signOnce(caller, letterId, version, now, cause), signAttempts);

const signOnce = async (caller: Caller, letterId: string, version: number, now: Date, cause: Causation): Promise<{ letter: Letter; signature: SignatureRecord }> => {
  const letter = await letterOrNotFound(letterId);
  const party = decideSign(letter, version, caller.subject, await partyPosts(letter), cstDate(now));
  const link = await nextLink(
    {
      unitId: letter.unitId,
      year: letter.year,
      documentId: letter.letterId,
      documentVersion: letter.version,
      signerPersonId: caller.subject,
      signerPostId: letter[party].postId,
      signerRole: letter[party].role,
      party,
      contentHash: (suite) => contentHashOf(letter, suite),
    },
    signingKey(signingConfig().suite),
    now,
  );
  const { hash, signedAt } = link;
  const signed = withSignature(letter, { party, personId: caller.subject, sequence: link.sequence, hash, signedAt });
  const about = { subject: letterId, unitId: letter.unitId, version: 1 + signed.signatures.length };
  const ref = { letterId, version: letter.version, unitId: letter.unitId, year: letter.year };
  const events = [
    signingEvent('signing.LetterSigned.v1', about, { ...ref, party, signature: link, chainHead: { unitId: letter.unitId, year: letter.year, sequence: link.sequence, hash }, actor: actorOf(caller) }, cause, now),
    ...(signed.status === 'completed'
      ? [signingEvent('signing.LetterCompleted.v1', about, { ...ref, kind: letter.kind, completedAt: signedAt, actor: actorOf(caller) }, cause, now)]
      : []),
  ];
  await writeWithEvents([...letterPuts(signed, false), ...linkPuts(link)], events, now, 'The letter or its unit’s signatures changed meanwhile; try again');
  return { letter: signed, signature: link };
};

/** Changing a letter is the issuer's: the caller must reach the issuing unit, not only the letter's. */
const assertIssuerReach = async (caller: Caller, letter: Letter): Promise<void> => {
  const issuerUnit = await getUnit(letter.issuer.unitId);
  if (!issuerUnit || !inReach(caller, issuerUnit)) throw new ForbiddenError('Only the issuing side may change or withdraw a letter');
};

/**
 * The parties as they stand today: a secretary who has left is replaced by the unit's secretary of
 * today; a team member who has left cannot be (the letter is withdrawn instead).
 */
const partiesToday = async (letter: Letter, today: string): Promise<Pick<LetterCorrection, 'issuer' | 'recipient'>> => {
  const resolve = async (party: LetterParty): Promise<LetterParty> => {
    const posts = await unitPosts(party.unitId);
    const held = posts.find((p) => p.postId === party.postId && heldOn(p, today));
    if (held) return party;
    const successor = party.role === 'secretary' ? heldPosts(posts, today).find((p) => p.role === 'secretary') : undefined;
    if (!successor) throw new RuleError(`${party.name} no longer holds the post and has no successor; withdraw the letter instead`, [{ path: party.postId, message: '原签署人已离任且无继任者，请撤回该责任书' }]);
    return { unitId: successor.unitId, postId: successor.postId, role: successor.role, personId: successor.personId, name: successor.name };
  };
  return { issuer: await resolve(letter.issuer), recipient: await resolve(letter.recipient) };
};

/**
 * Corrects an unsigned letter as its next version, voiding the one corrected; a party who has left
 * the post is replaced by today's holder (a secretary's successor).
 */
export const correctLetter = async (caller: Caller, letterId: string, body: CorrectLetterBody, now: Date, cause: Causation): Promise<{ voided: Letter; letter: Letter }> => {
  const letter = await letterOrNotFound(letterId);
  await assertIssuerReach(caller, letter);
  const decided = decideCorrect(letter, { ...body, ...(await partiesToday(letter, cstDate(now))) }, uuidv7, toCstIso(now));
  const voided = decided.voided;
  const next = await sealed(decided.next, signingKey(letter.suite));
  const events = [
    signingEvent(
      'signing.LetterVoided.v1',
      { subject: letterId, unitId: letter.unitId, version: letter.version },
      { letterId, version: letter.version, unitId: letter.unitId, year: letter.year, reason: '更正为新版本', replacedByVersion: next.version, actor: actorOf(caller) },
      cause,
      now,
    ),
    issuedEvent(caller, next, cause, now),
  ];
  await writeWithEvents([...letterPuts(voided, false, true), ...letterPuts(next, true)], events, now, 'The letter changed meanwhile; read it again');
  return { voided, letter: next };
};

/**
 * Withdraws an unsigned letter without a replacement, freeing its pair for a new letter (when its
 * recipient has left the post, say).
 */
export const withdrawLetter = async (caller: Caller, letterId: string, reason: string, now: Date, cause: Causation): Promise<Letter> => {
  const letter = await letterOrNotFound(letterId);
  await assertIssuerReach(caller, letter);
  const voided = decideVoid(letter);
  const event = signingEvent(
    'signing.LetterVoided.v1',
    { subject: letterId, unitId: letter.unitId, version: letter.version },
    { letterId, version: letter.version, unitId: letter.unitId, year: letter.year, reason, replacedByVersion: null, actor: actorOf(caller) },
    cause,
    now,
  );
  await writeWithEvents(letterPuts(voided, false), [event], now, 'The letter changed meanwhile; read it again', [{ key: pairKey(letter), attribute: 'letterId', value: letterId }]);
  return voided;
};

/** A letter's current version. */
export const viewLetter = letterOrNotFound;

/** The unit's letters of a year, current versions. */
export const listLetters = (unitId: string, year: number): Promise<Letter[]> => currentLetters(unitId, year);
