import { v7 as uuidv7 } from 'uuid';
import type { Caller } from '#shared/auth/claims.js';
import type { TreePosition } from '#shared/auth/reach.js';
import { toCstIso, type Causation } from '#events/envelope.js';
import type { SignatureRecord } from '#events/signing/parts.js';
import { ConflictError, NotFoundError, RuleError } from '#shared/errors.js';
import { signingConfig } from '../config.js';
import { actorOf } from '../domain/actor.js';
import { linkHashOf, nextLinkFields, signedMessageOf, type SignatureLink } from '../domain/chain.js';
import { contentHashOf, decideCorrect, decideSign, planLetters, withSignature, type IssuePlan, type Letter } from '../domain/letters.js';
import { heldPosts, type Post } from '../domain/posts.js';
import { signingKey } from '../adapters/keys.js';
import { chainHead, currentLetters, getLetter, letterPuts, linkPuts, pairPut } from '../adapters/letterRepository.js';
import { unitLists } from '../adapters/listRepository.js';
import { unitPosts } from '../adapters/postRepository.js';
import { writeWithEvents } from '../adapters/store.js';
import type { CorrectLetterBody } from '../schemas.js';
import { cstDate, signingEvent } from './events.js';

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

/**
 * Issues the letters the unit's year still lacks, one transaction each (with its pair's slot, so a
 * pair issued meanwhile by someone else is skipped). Refused with 422 when none can be issued.
 */
export const issueLetters = async (caller: Caller, unit: TreePosition, year: number, now: Date, cause: Causation): Promise<IssuePlan> => {
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
  if (plan.letters.length === 0 && plan.notIssued.length > 0) {
    throw new RuleError('No letter can be issued yet', plan.notIssued.map((n) => ({ path: n.who, message: n.reason })));
  }
  const issued: Letter[] = [];
  for (const letter of plan.letters) {
    try {
      await writeWithEvents([...letterPuts(letter, true), pairPut(letter)], [issuedEvent(caller, letter, cause, now)], now, 'The pair’s letter was issued meanwhile');
      issued.push(letter);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  return { letters: issued, notIssued: plan.notIssued };
};

const letterOrNotFound = async (letterId: string): Promise<Letter> => {
  const letter = await getLetter(letterId);
  if (!letter) throw new NotFoundError(`Letter ${letterId} does not exist`);
  return letter;
};

/** The posts of both parties' units, by id. */
const partyPosts = async (letter: Letter): Promise<Map<string, Post>> => {
  const units = [...new Set([letter.issuer.unitId, letter.recipient.unitId])];
  const posts = (await Promise.all(units.map(unitPosts))).flat();
  return new Map(posts.map((p) => [p.postId, p]));
};

/** Attempts at appending a signature when another signature of the unit takes the chain's head first. */
const signAttempts = 3;

/**
 * Signs the letter version the caller read, for the party whose post the caller holds today: a new
 * link of the unit and year's chain, digitally signed by the service's key, with `LetterSigned`
 * (carrying the chain's new head) and, with the second signature, `LetterCompleted`.
 */
export const signLetter = async (caller: Caller, letterId: string, version: number, now: Date, cause: Causation): Promise<{ letter: Letter; signature: SignatureRecord }> => {
  for (let attempt = 1; ; attempt++) {
    const letter = await letterOrNotFound(letterId);
    const party = decideSign(letter, version, caller.subject, await partyPosts(letter), cstDate(now));
    const key = signingKey(signingConfig().suite);
    const head = await chainHead(letter.unitId, letter.year);
    const signedAt = toCstIso(now);
    const fields = nextLinkFields(head, {
      unitId: letter.unitId,
      year: letter.year,
      documentId: letter.letterId,
      documentVersion: letter.version,
      signerPersonId: caller.subject,
      signerPostId: letter[party].postId,
      signerRole: letter[party].role,
      party,
      signedAt,
      contentHash: contentHashOf(letter, key.suite),
      suite: key.suite,
      keyId: key.keyId,
    });
    const hash = linkHashOf(fields);
    const link: SignatureLink = { ...fields, hash, digitalSignature: (await key.sign(signedMessageOf(hash))).toString('base64') };
    const signed = withSignature(letter, { party, personId: caller.subject, sequence: link.sequence, hash, signedAt });
    const about = { subject: letterId, unitId: letter.unitId, version: 1 + signed.signatures.length };
    const ref = { letterId, version: letter.version, unitId: letter.unitId, year: letter.year };
    const events = [
      signingEvent('signing.LetterSigned.v1', about, { ...ref, party, signature: link, chainHead: { unitId: letter.unitId, year: letter.year, sequence: link.sequence, hash }, actor: actorOf(caller) }, cause, now),
      ...(signed.status === 'completed'
        ? [signingEvent('signing.LetterCompleted.v1', about, { ...ref, kind: letter.kind, completedAt: signedAt, actor: actorOf(caller) }, cause, now)]
        : []),
    ];
    try {
      await writeWithEvents([...letterPuts(signed, false), ...linkPuts(link)], events, now, 'The letter or its unit’s signatures changed meanwhile; try again');
      return { letter: signed, signature: link };
    } catch (error) {
      // Another signature of the unit took the head: read again and sign after it.
      if (!(error instanceof ConflictError) || attempt >= signAttempts) throw error;
    }
  }
};

/** Corrects an unsigned letter as its next version, voiding the one corrected. */
export const correctLetter = async (caller: Caller, letterId: string, body: CorrectLetterBody, now: Date, cause: Causation): Promise<{ voided: Letter; letter: Letter }> => {
  const letter = await letterOrNotFound(letterId);
  const { voided, next } = decideCorrect(letter, body, uuidv7, toCstIso(now));
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
  await writeWithEvents([...letterPuts(voided, false), ...letterPuts(next, true)], events, now, 'The letter changed meanwhile; read it again');
  return { voided, letter: next };
};

/** A letter's current version. */
export const viewLetter = letterOrNotFound;

/** The unit's letters of a year, current versions. */
export const listLetters = (unitId: string, year: number): Promise<Letter[]> => currentLetters(unitId, year);
