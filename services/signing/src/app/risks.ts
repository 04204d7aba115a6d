import { v7 as uuidv7 } from 'uuid';
import type { Caller } from '#shared/auth/claims.js';
import type { TreePosition } from '#shared/auth/reach.js';
import { toCstIso, type Causation } from '#events/envelope.js';
import type { SignatureRecord } from '#events/signing/parts.js';
import { ConflictError, NotFoundError, RuleError } from '#shared/errors.js';
import { pledgeItems, signingConfig } from '../config.js';
import { actorOf } from '../domain/actor.js';
import { decideSignPledge, pledgeContentHashOf, pledgeSealMessageOf, type Pledge } from '../domain/pledges.js';
import { heldPosts } from '../domain/posts.js';
import { answerableFor, gradeFromPowerItems, needsPledge, rotationDueDate, type PowerItem, type RiskPost } from '../domain/riskPosts.js';
import { signingKey } from '../adapters/keys.js';
import { linkPuts } from '../adapters/letterRepository.js';
import { unitPosts } from '../adapters/postRepository.js';
import {
  dueRotations,
  getPledge,
  pledgePuts,
  powerItemPut,
  riskPostPut,
  rotationNotifiedPut,
  rotationPut,
  unitPowerItems,
  unitRiskPosts,
} from '../adapters/riskRepository.js';
import { againOnConflict, writeWithEvents } from '../adapters/store.js';
import type { GradeRiskPostBody, PowerItemBody } from '../schemas.js';
import { cstDate, signingEvent } from './events.js';
import { nextLink } from './links.js';

/** Adds an item to the unit's power inventory. */
export const addPowerItem = async (unitId: string, body: PowerItemBody, now: Date): Promise<PowerItem> => {
  const item: PowerItem = { powerItemId: uuidv7(), ...body };
  await writeWithEvents([powerItemPut(unitId, item)], [], now, 'The power item exists');
  return item;
};

export const listPowerItems = unitPowerItems;

/**
 * Grades a post by integrity risk (from its power items when no level is given), names who answers
 * for it by the rule, puts its holder in the rotation calendar, and, for a level 1 or 2 post, issues
 * the holder's integrity pledge of the year, sealed, to sign.
 */
export const gradeRiskPost = async (caller: Caller, unit: TreePosition, body: GradeRiskPostBody, now: Date, cause: Causation): Promise<{ riskPost: RiskPost; pledge: Pledge | null }> => {
  const today = cstDate(now);
  const upperId = unit.ancestorIds.at(-1);
  const [posts, upperPosts, inventory] = await Promise.all([unitPosts(unit.id), upperId ? unitPosts(upperId) : Promise.resolve([]), unitPowerItems(unit.id)]);
  const chosen = body.powerItemIds ?? [];
  const unknown = chosen.flatMap((id, index) => (inventory.some((i) => i.powerItemId === id) ? [] : [{ path: `powerItemIds.${index}`, message: '本单位权力清单中没有该事项' }]));
  if (unknown.length > 0) throw new RuleError('Some power items are not in the unit’s inventory', unknown);
  const level = body.level ?? gradeFromPowerItems(inventory.filter((i) => chosen.includes(i.powerItemId)));
  if (level === undefined) throw new RuleError('Give a level, or power items to grade the post from', [{ path: 'level', message: '须指定风险等级或权力事项' }]);
  const holder = { personId: body.holder.personId ?? uuidv7(), name: body.holder.name };
  const supervisor = body.supervisor ? { personId: body.supervisor.personId ?? uuidv7(), name: body.supervisor.name } : null;
  const answerable = answerableFor({ level, area: body.area, holder, supervisor }, { unitId: unit.id, posts: heldPosts(posts, today), upperPosts: heldPosts(upperPosts, today) });
  const riskPost: RiskPost = { riskPostId: uuidv7(), unitId: unit.id, name: body.name, area: body.area, level, holder, servingSince: body.servingSince, supervisor, powerItemIds: chosen, answerable, version: 1 };
  const years = signingConfig().rotationYears;
  const rotation = { riskPostId: riskPost.riskPostId, unitId: unit.id, postName: riskPost.name, holder, servingSince: riskPost.servingSince, years, dueDate: rotationDueDate(riskPost.servingSince, years), notified: false };

  let pledge: Pledge | null = null;
  if (needsPledge(riskPost)) {
    const key = signingKey(signingConfig().suite);
    const content = { pledgeId: uuidv7(), version: 1, unitId: unit.id, year: Number(today.slice(0, 4)), riskPostId: riskPost.riskPostId, riskPostName: riskPost.name, level, holder, items: pledgeItems };
    const unsealed = { ...content, suite: key.suite, contentHash: pledgeContentHashOf(content, key.suite) };
    pledge = { ...unsealed, status: 'issued', signature: null, issuedAt: toCstIso(now), seal: { keyId: key.keyId, signature: (await key.sign(pledgeSealMessageOf(unsealed))).toString('base64') } };
  }
  const event = signingEvent(
    'signing.RiskPostGraded.v1',
    { subject: riskPost.riskPostId, unitId: unit.id, version: 1 },
    { riskPostId: riskPost.riskPostId, unitId: unit.id, name: riskPost.name, area: riskPost.area, level, holder, servingSince: riskPost.servingSince, answerable, powerItemIds: chosen, actor: actorOf(caller) },
    cause,
    now,
  );
  await writeWithEvents([riskPostPut(riskPost), rotationPut(rotation), ...(pledge ? pledgePuts(pledge) : [])], [event], now, 'The risk post exists');
  return { riskPost, pledge };
};

export const listRiskPosts = unitRiskPosts;

/** The holder signs their pledge: a new link of the unit's chain, with `PledgeSigned`. */
export const signPledge = (caller: Caller, pledgeId: string, version: number, now: Date, cause: Causation): Promise<{ pledge: Pledge; signature: SignatureRecord }> =>
  againOnConflict(async () => {
    const pledge = await getPledge(pledgeId);
    if (!pledge) throw new NotFoundError(`Pledge ${pledgeId} does not exist`);
    decideSignPledge(pledge, version, caller.subject);
    const link = await nextLink(
      {
        unitId: pledge.unitId,
        year: pledge.year,
        documentId: pledgeId,
        documentVersion: pledge.version,
        signerPersonId: caller.subject,
        signerPostId: pledge.riskPostId,
        signerRole: 'riskPostHolder',
        party: 'holder',
        contentHash: (suite) => pledgeContentHashOf(pledge, suite),
      },
      signingKey(signingConfig().suite),
      now,
    );
    const signed: Pledge = { ...pledge, status: 'signed', signature: { sequence: link.sequence, hash: link.hash, signedAt: link.signedAt } };
    const event = signingEvent(
      'signing.PledgeSigned.v1',
      { subject: pledgeId, unitId: pledge.unitId, version: 2 },
      {
        pledgeId,
        version: pledge.version,
        unitId: pledge.unitId,
        year: pledge.year,
        riskPostId: pledge.riskPostId,
        personId: caller.subject,
        signature: link,
        chainHead: { unitId: pledge.unitId, year: pledge.year, sequence: link.sequence, hash: link.hash },
        actor: actorOf(caller),
      },
      cause,
      now,
    );
    await writeWithEvents([...pledgePuts(signed), ...linkPuts(link)], [event], now, 'The pledge or its unit’s signatures changed meanwhile; try again');
    return { pledge: signed, signature: link };
  }, 5);

/**
 * The daily run: announces, once each, the holders whose rotation falls due on or before the day of
 * `at` (the schedule's own time, so any day can be replayed).
 */
export const announceRotations = async (at: Date): Promise<{ date: string; announced: number }> => {
  const date = cstDate(at);
  let announced = 0;
  for (const entry of await dueRotations(date)) {
    const event = signingEvent(
      'signing.RotationDue.v1',
      { subject: entry.riskPostId, unitId: entry.unitId, version: 1 },
      {
        riskPostId: entry.riskPostId,
        unitId: entry.unitId,
        postName: entry.postName,
        personId: entry.holder.personId,
        servingSince: entry.servingSince,
        years: entry.years,
        dueDate: entry.dueDate,
        actor: { subject: 'signing-rotationDue', role: 'system', unitId: null },
      },
      { correlationId: `rotation-${date}` },
      at,
    );
    try {
      await writeWithEvents([rotationNotifiedPut(entry)], [event], at, 'Already announced');
      announced++;
    } catch (error) {
      // Another run announced it meanwhile.
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  return { date, announced };
};
