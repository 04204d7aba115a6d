/**
 * Patrols (巡察) and the letters that follow supervision, through the service: a committee sends a
 * routine or specialised patrol to units below it; its findings each ask the reports service for a
 * rectification item (and count in the year's assessment); rectification reminder letters (整改提醒函)
 * go to covered units and their written replies are tracked; supervision recommendation letters
 * (纪检监察建议书) go to a responsible unit, copied to the leader in charge, with their replies;
 * political-ecology assessments (政治生态研判) record who assessed, how, what and the result.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Caller } from '#shared/auth/claims.js';
import { againOnConflict, stateOf, type ItemPut } from '#shared/dynamo/store.js';
import { ConflictError, NotFoundError, RuleError } from '#shared/errors.js';
import { cstDate, toCstIso, type Causation, type CloudEvent } from '#events/envelope.js';
import { actorOf } from '#events/people.js';
import { ecologyKey, getKnownUnit, patrolKey, recommendationKey, recordOwnerKey, store, unitItems } from '../adapters/inspectionRepository.js';
import type { EcologyBody, FindingBody, RecommendationBody, ReminderLetterBody, StartPatrolBody } from '../schemas.js';
import { inspectionsEvent } from './events.js';
import { postInUnit } from './people.js';

interface Reply {
  readonly text: string;
  readonly by: string;
  readonly at: string;
  readonly onTime: boolean;
}

interface Letter {
  readonly letterId: string;
  readonly unitId: string;
  readonly findingIds: readonly string[];
  readonly demands: string;
  readonly replyDueDate: string;
  readonly sentAt: string;
  readonly reply: Reply | null;
}

interface Patrol {
  readonly patrolId: string;
  readonly unitId: string;
  readonly year: number;
  readonly kind: 'routine' | 'specialised';
  readonly subject: string;
  readonly team: StartPatrolBody['team'];
  readonly coveredUnitIds: readonly string[];
  readonly from: string;
  readonly to: string;
  readonly findings: ReadonlyArray<{ readonly findingId: string; readonly unitId: string; readonly text: string; readonly rectification: { readonly requestId: string; readonly action: string; readonly dueDate: string }; readonly recordedAt: string }>;
  readonly letters: readonly Letter[];
  readonly revision: number;
}

const mustBeAhead = (date: string, now: Date, path: string) => {
  if (date <= cstDate(now)) throw new RuleError('A date ahead', [{ path, message: '期限须晚于今天' }]);
};

/** A reply, on time if written by the end of its due date (CST). */
const replyOf = (caller: Caller, text: string, dueDate: string, now: Date): Reply => ({ text, by: caller.subject, at: toCstIso(now), onTime: cstDate(now) <= dueDate });

const patrolView = async (p: Patrol) => {
  const { year: _y, coveredUnitIds, ...rest } = p;
  return { ...rest, coveredUnits: await Promise.all(coveredUnitIds.map(async (unitId) => ({ unitId, name: (await getKnownUnit(unitId))?.name ?? '' }))) };
};

/** A patrol read back from its item: its own kind is kept as `patrolKind`, since `kind` names the item's type. */
const patrolOf = (item: Record<string, unknown>): Patrol => {
  const { patrolKind, ...rest } = stateOf<Omit<Patrol, 'kind'> & { patrolKind: Patrol['kind'] }>(item);
  return { ...rest, kind: patrolKind };
};

const getPatrol = async (patrolId: string): Promise<Patrol> => {
  const owner = await store.getItem(recordOwnerKey('PATROL', patrolId).pk, 'OWNER');
  const key = owner ? patrolKey(String(owner.unitId), Number(owner.year), patrolId) : undefined;
  const item = key ? await store.getItem(key.pk, key.sk) : undefined;
  if (!item) throw new NotFoundError(`No patrol ${patrolId}`);
  return patrolOf(item);
};

const letterPointer = (p: Patrol, letter: Letter): ItemPut => ({
  item: { pk: `UNIT#${letter.unitId}`, sk: `LETTER#${letter.letterId}`, kind: 'reminderLetter', ...letter, patrolId: p.patrolId, patrolSubject: p.subject, year: p.year },
  expect: 'any',
  what: 'The reminder letter',
});

const withoutKind = ({ kind: _kind, ...rest }: Patrol) => rest;

const savePatrol = (p: Patrol, before: Patrol | undefined, events: readonly CloudEvent[], now: Date, extra: readonly ItemPut[] = []) =>
  store.writeWithEvents(
    [
      { item: { ...patrolKey(p.unitId, p.year, p.patrolId), ...withoutKind(p), kind: 'patrol', patrolKind: p.kind }, expect: before ? { revision: before.revision } : 'absent', what: 'The patrol' },
      ...(before ? [] : [{ item: { ...recordOwnerKey('PATROL', p.patrolId), kind: 'owner', unitId: p.unitId, year: p.year }, expect: 'absent' as const, what: 'The patrol’s owner' } satisfies ItemPut]),
      ...extra,
    ],
    events,
    now,
    'The patrol was changed by someone else; reload and try again',
  );

/** A committee sends a patrol to units below it. */
export const startPatrol = async (caller: Caller, unitId: string, input: StartPatrolBody, now: Date, cause: Causation) => {
  if (input.to < input.from) throw new RuleError('A period ends after it starts', [{ path: 'to', message: '巡察结束日期不能早于开始日期' }]);
  const covered = [...new Set(input.coveredUnitIds)];
  for (const [i, id] of covered.entries()) {
    const unit = await getKnownUnit(id);
    if (!unit?.ancestorIds.includes(unitId)) throw new RuleError('A covered unit is below the organising unit', [{ path: `coveredUnitIds.${i}`, message: '被巡察单位须为本单位的下级单位' }]);
  }
  const p: Patrol = { patrolId: uuidv7(), unitId, year: Number(input.from.slice(0, 4)), kind: input.kind, subject: input.subject, team: input.team, coveredUnitIds: covered, from: input.from, to: input.to, findings: [], letters: [], revision: 1 };
  const event = inspectionsEvent('inspections.PatrolStarted.v1', { subject: p.patrolId, unitId, version: 1 }, { patrolId: p.patrolId, unitId, kind: p.kind, coveredUnitIds: covered, from: p.from, to: p.to, actor: actorOf(caller) }, cause, now);
  await savePatrol(p, undefined, [event], now);
  return patrolView(p);
};

export const viewPatrol = async (patrolId: string) => patrolView(await getPatrol(patrolId));

export const listPatrols = async (unitId: string, year: number) => ({ unitId, patrols: await Promise.all((await unitItems(unitId, `PATROL#${year}#`)).map((i) => patrolView(patrolOf(i)))) });

const changePatrol = (patrolId: string, apply: (p: Patrol) => { next: Patrol; events: CloudEvent[]; extra?: ItemPut[] }, now: Date) =>
  againOnConflict(async () => {
    const p = await getPatrol(patrolId);
    const { next, events, extra } = apply(p);
    await savePatrol(next, p, events, now, extra);
    return next;
  }, 3);

/** Records a finding about a covered unit; its rectification is asked of the reports service. */
export const recordFinding = async (caller: Caller, patrolId: string, input: FindingBody, now: Date, cause: Causation) =>
  patrolView(
    await changePatrol(
      patrolId,
      (p) => {
        if (!p.coveredUnitIds.includes(input.unitId)) throw new RuleError('Not a unit the patrol covers', [{ path: 'unitId', message: '该单位不在本轮巡察范围内' }]);
        mustBeAhead(input.rectification.dueDate, now, 'rectification.dueDate');
        const finding = { findingId: uuidv7(), unitId: input.unitId, text: input.text, rectification: { requestId: uuidv7(), ...input.rectification }, recordedAt: toCstIso(now) };
        const next: Patrol = { ...p, findings: [...p.findings, finding], revision: p.revision + 1 };
        const about = { subject: patrolId, unitId: input.unitId, version: next.revision };
        return {
          next,
          events: [
            inspectionsEvent('inspections.PatrolFindingRecorded.v1', about, { findingId: finding.findingId, patrolId, unitId: input.unitId, year: p.year, requestId: finding.rectification.requestId, actor: actorOf(caller) }, cause, now),
            inspectionsEvent(
              'inspections.RectificationRequested.v1',
              about,
              { requestId: finding.rectification.requestId, unitId: input.unitId, source: { kind: 'patrol', id: finding.findingId }, action: finding.rectification.action, dueDate: finding.rectification.dueDate, actor: actorOf(caller) },
              cause,
              now,
            ),
          ],
        };
      },
      now,
    ),
  );

/** Sends a rectification reminder letter to a covered unit about some of its findings. */
export const sendReminderLetter = async (caller: Caller, patrolId: string, input: ReminderLetterBody, now: Date, cause: Causation) =>
  patrolView(
    await changePatrol(
      patrolId,
      (p) => {
        const unknown = input.findingIds.findIndex((id) => !p.findings.some((f) => f.findingId === id && f.unitId === input.unitId));
        if (unknown >= 0) throw new RuleError('Not a finding of the unit', [{ path: `findingIds.${unknown}`, message: '所列问题不是本轮巡察对该单位的发现' }]);
        mustBeAhead(input.replyDueDate, now, 'replyDueDate');
        const letter: Letter = { letterId: uuidv7(), unitId: input.unitId, findingIds: [...new Set(input.findingIds)], demands: input.demands, replyDueDate: input.replyDueDate, sentAt: toCstIso(now), reply: null };
        const next: Patrol = { ...p, letters: [...p.letters, letter], revision: p.revision + 1 };
        return {
          next,
          extra: [letterPointer(next, letter), { item: { ...recordOwnerKey('LETTER', letter.letterId), kind: 'owner', unitId: letter.unitId, patrolId }, expect: 'absent', what: 'The letter’s owner' }],
          events: [
            inspectionsEvent('inspections.ReminderLetterSent.v1', { subject: letter.letterId, unitId: letter.unitId, version: 1 }, { letterId: letter.letterId, patrolId, unitId: letter.unitId, findingIds: [...letter.findingIds], replyDueDate: letter.replyDueDate, actor: actorOf(caller) }, cause, now),
          ],
        };
      },
      now,
    ),
  );

/** The unit's secretary replies in writing to a reminder letter the unit received. */
export const replyToLetter = async (caller: Caller, unitId: string, letterId: string, text: string, now: Date, cause: Causation) => {
  const owner = await store.getItem(recordOwnerKey('LETTER', letterId).pk, 'OWNER');
  if (owner?.unitId !== unitId) throw new NotFoundError(`No reminder letter ${letterId} to unit ${unitId}`);
  const next = await changePatrol(
    String(owner.patrolId),
    (p) => {
      const letter = p.letters.find((l) => l.letterId === letterId)!;
      if (letter.reply) throw new ConflictError('The letter is replied to already');
      const replied: Letter = { ...letter, reply: replyOf(caller, text, letter.replyDueDate, now) };
      const after: Patrol = { ...p, letters: p.letters.map((l) => (l.letterId === letterId ? replied : l)), revision: p.revision + 1 };
      return {
        next: after,
        extra: [letterPointer(after, replied)],
        events: [inspectionsEvent('inspections.ReminderLetterReplied.v1', { subject: letterId, unitId: letter.unitId, version: 2 }, { letterId, patrolId: p.patrolId, unitId: letter.unitId, onTime: replied.reply!.onTime, actor: actorOf(caller) }, cause, now)],
      };
    },
    now,
  );
  return { ...next.letters.find((l) => l.letterId === letterId)!, patrolId: next.patrolId, patrolSubject: next.subject };
};

/** The reminder letters a unit received in a year. */
export const lettersOf = async (unitId: string, year: number) => ({
  unitId,
  letters: (await unitItems(unitId, 'LETTER#'))
    .filter((i) => i.year === year)
    .map((i) => {
      const { year: _y, ...letter } = stateOf<Letter & { patrolId: string; patrolSubject: string; year: number }>(i);
      return letter;
    }),
});

interface Recommendation {
  readonly recommendationId: string;
  readonly unitId: string;
  readonly issuingUnitId: string;
  readonly leaderInCharge: { readonly personId: string; readonly unitId: string; readonly name: string } | null;
  readonly issue: string;
  readonly recommendation: string;
  readonly replyDueDate: string;
  readonly issuedAt: string;
  readonly reply: Reply | null;
  readonly revision: number;
}

const recommendationYear = (r: Recommendation) => Number(r.issuedAt.slice(0, 4));

/** The commission issues a supervision recommendation letter to a responsible unit, copied to the leader in charge. */
export const issueRecommendation = async (caller: Caller, unitId: string, input: RecommendationBody, now: Date, cause: Causation) => {
  mustBeAhead(input.replyDueDate, now, 'replyDueDate');
  const unit = await getKnownUnit(unitId);
  let leaderInCharge: Recommendation['leaderInCharge'] = null;
  if (input.leaderInChargeId) {
    const where = [unitId, ...(unit?.ancestorIds.slice(-1) ?? [])];
    const found = (await Promise.all(where.map((u) => postInUnit(u, input.leaderInChargeId!)))).find((p) => p !== undefined && (p.endDate === null || p.endDate > cstDate(now)));
    if (!found) throw new RuleError('The leader in charge holds no post in the unit or the level above', [{ path: 'leaderInChargeId', message: '分管领导须为该单位或其上级的在任人员' }]);
    leaderInCharge = { personId: found.personId, unitId: found.unitId, name: found.name };
  }
  const r: Recommendation = { recommendationId: uuidv7(), unitId, issuingUnitId: caller.unitId ?? unitId, leaderInCharge, issue: input.issue, recommendation: input.recommendation, replyDueDate: input.replyDueDate, issuedAt: toCstIso(now), reply: null, revision: 1 };
  const event = inspectionsEvent(
    'inspections.RecommendationIssued.v1',
    { subject: r.recommendationId, unitId, version: 1 },
    { recommendationId: r.recommendationId, unitId, issuingUnitId: r.issuingUnitId, leaderInCharge: leaderInCharge ? { personId: leaderInCharge.personId, unitId: leaderInCharge.unitId } : null, replyDueDate: r.replyDueDate, actor: actorOf(caller) },
    cause,
    now,
  );
  await store.writeWithEvents(
    [
      { item: { ...recommendationKey(unitId, recommendationYear(r), r.recommendationId), kind: 'recommendation', ...r }, expect: 'absent', what: 'The recommendation' },
      { item: { ...recordOwnerKey('RECOMMENDATION', r.recommendationId), kind: 'owner', unitId, year: recommendationYear(r) }, expect: 'absent', what: 'The recommendation’s owner' },
    ],
    [event],
    now,
    'The recommendation was issued twice',
  );
  return r;
};

/** The responsible unit's secretary replies to a recommendation letter the unit received. */
export const replyToRecommendation = (caller: Caller, unitId: string, recommendationId: string, text: string, now: Date, cause: Causation) =>
  againOnConflict(async () => {
    const owner = await store.getItem(recordOwnerKey('RECOMMENDATION', recommendationId).pk, 'OWNER');
    const key = owner?.unitId === unitId ? recommendationKey(unitId, Number(owner.year), recommendationId) : undefined;
    const item = key ? await store.getItem(key.pk, key.sk) : undefined;
    if (!item) throw new NotFoundError(`No recommendation ${recommendationId} to unit ${unitId}`);
    const r = stateOf<Recommendation>(item);
    if (r.reply) throw new ConflictError('The recommendation is replied to already');
    const next: Recommendation = { ...r, reply: replyOf(caller, text, r.replyDueDate, now), revision: r.revision + 1 };
    const event = inspectionsEvent('inspections.RecommendationReplied.v1', { subject: recommendationId, unitId: r.unitId, version: next.revision }, { recommendationId, unitId: r.unitId, onTime: next.reply!.onTime, actor: actorOf(caller) }, cause, now);
    await store.writeWithEvents([{ item: { ...key!, kind: 'recommendation', ...next }, expect: { revision: r.revision }, what: 'The recommendation' }], [event], now, 'The recommendation was changed by someone else; reload and try again');
    return next;
  }, 3);

export const recommendationsOf = async (unitId: string, year: number) => ({ unitId, recommendations: (await unitItems(unitId, `RECOMMENDATION#${year}#`)).map((i) => stateOf<Recommendation>(i)) });

/** Records a political-ecology assessment of a unit within the commission's reach. */
export const assessEcology = async (caller: Caller, unitId: string, input: EcologyBody, now: Date, cause: Causation) => {
  const record: Ecology = { ecologyId: uuidv7(), unitId, issuingUnitId: caller.unitId ?? unitId, ...input, recordedAt: toCstIso(now) };
  const event = inspectionsEvent('inspections.PoliticalEcologyAssessed.v1', { subject: record.ecologyId, unitId, version: 1 }, { ecologyId: record.ecologyId, unitId, issuingUnitId: record.issuingUnitId, year: input.year, rating: input.rating, actor: actorOf(caller) }, cause, now);
  await store.writeWithEvents([{ item: { ...ecologyKey(unitId, input.year, record.ecologyId), kind: 'ecology', ...record }, expect: 'absent', what: 'The assessment' }], [event], now, 'The assessment was recorded twice');
  return record;
};

type Ecology = EcologyBody & { readonly ecologyId: string; readonly unitId: string; readonly issuingUnitId: string; readonly recordedAt: string };

export const ecologyOf = async (unitId: string, year: number) => ({ unitId, assessments: (await unitItems(unitId, `ECOLOGY#${year}#`)).map((i) => stateOf<Ecology>(i)) });
