/**
 * Talks: propose (or plan), approve (joint), record as held, state positions, submit the
 * rectification plan; read with every read recorded. Each step saves the talk and its event in one
 * transaction, guarded by the revision it read.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Caller } from '#shared/auth/claims.js';
import { againOnConflict, type ItemPut } from '#shared/dynamo/store.js';
import { ForbiddenError, NotFoundError, RuleError } from '#shared/errors.js';
import { cstDate, toCstIso, type Causation } from '#events/envelope.js';
import { actorOf } from '#events/people.js';
import type { CloudEvent } from '#events/envelope.js';
import { jointSituations } from '../config.js';
import { accessLog, getKnownUnit, ownerKey, owners, personKey, recordAccess, store, talkItem, talkKey, talkOf, unitItems, personItems } from '../adapters/interviewRepository.js';
import * as rules from '../domain/talks.js';
import { proposedTalk, type Person, type Talk } from '../domain/talks.js';
import type { PlanBody, ProposeTalkBody, RecordTalkBody } from '../schemas.js';
import { interviewsEvent } from './events.js';
import { peopleOf, pick, ref } from './people.js';
import { resolveSource } from './sources.js';

const changed = 'The talk was changed by someone else; reload and try again';

/** The talk's item, its owner and the pointers of everyone it names, to write with its event. */
const talkPuts = (talk: Talk, expect: ItemPut['expect'], alsoFor: readonly string[] = []): ItemPut[] => {
  const named = [...[...talk.interviewees, ...talk.convenors, ...talk.positions.map((p) => p.person)].map((p) => p.personId), ...alsoFor];
  return [
    { item: talkItem(talk), expect, what: 'The talk' },
    ...(expect === 'absent' ? [{ item: { ...ownerKey('TALK', talk.talkId), kind: 'owner', unitId: talk.unitId }, expect: 'absent' as const, what: 'The talk’s owner' }] : []),
    ...[...new Set(named)].map((personId) => ({ item: { ...personKey(personId, 'TALK', talk.talkId), kind: 'personTalk', unitId: talk.unitId }, expect: 'any' as const, what: 'The talk’s pointer' })),
  ];
};

/** Saves the talk with its events; `alsoFor` are people who must find it among their own before it names them (who proposed it, who approves it). */
const save = (talk: Talk, before: Talk | undefined, events: readonly CloudEvent[], now: Date, alsoFor: readonly string[] = []) =>
  store.writeWithEvents(talkPuts(talk, before ? { revision: before.revision } : 'absent', alsoFor), events, now, changed);

const getTalk = async (talkId: string): Promise<Talk> => {
  const unitId = await owners.talk(talkId);
  const item = unitId === undefined ? undefined : await store.getItem(talkKey(unitId, talkId).pk, talkKey(unitId, talkId).sk);
  if (!item) throw new NotFoundError(`No talk ${talkId}`);
  return talkOf(item);
};

/** The secretaries in post of a unit. */
const secretariesOf = (people: readonly Person[]) => people.filter((p) => p.postRole === 'secretary');

/** The talk as answered: its shown status and who must act next. */
const viewOf = async (talk: Talk, now: Date) => {
  const [host, unit, known] = await Promise.all([peopleOf([talk.hostUnitId], now), peopleOf([talk.unitId], now), getKnownUnit(talk.unitId)]);
  return { ...talk, status: rules.shownStatus(talk), unitName: known?.name ?? '', plan: Object.values(talk.plan), next: rules.nextStep({ ...talk, status: rules.shownStatus(talk) }, secretariesOf(host), secretariesOf(unit)) };
};

/**
 * Proposes or plans a talk with people of the unit. A joint talk is the commission's proposal to
 * the committee above the unit, naming its trigger situation; it waits for the party secretary.
 */
export const proposeTalk = async (caller: Caller, unitId: string, input: ProposeTalkBody, now: Date, cause: Causation) => {
  const unit = await getKnownUnit(unitId);
  rules.checkProposer(caller, input.kind, unit?.ancestorIds ?? []);
  const situation = input.kind === 'joint' ? jointSituations().find((s) => s.code === input.trigger) : undefined;
  if (input.kind === 'joint' && !situation) throw new RuleError('A joint talk names one of the configured situations', [{ path: 'trigger', message: '请选择联合谈话的适用情形' }]);
  const source = await resolveSource(input.source, unitId);
  const interviewees = pick(input.interviewees, await peopleOf([unitId], now), 'interviewees', '被谈话单位');
  const talk = proposedTalk({
    talkId: uuidv7(),
    kind: input.kind,
    status: 'proposed',
    unitId,
    hostUnitId: input.kind === 'joint' ? unit!.ancestorIds[unit!.ancestorIds.length - 1]! : (caller.unitId ?? unitId),
    subject: input.subject,
    source,
    trigger: situation ? { code: situation.code, text: situation.text } : null,
    scheduledOn: input.scheduledOn ?? null,
    suggested: false,
    proposedBy: caller.subject,
    proposedAt: toCstIso(now),
    interviewees,
  });
  const event = interviewsEvent(
    'interviews.TalkProposed.v1',
    { subject: talk.talkId, unitId, version: 1 },
    { talkId: talk.talkId, kind: talk.kind, unitId, hostUnitId: talk.hostUnitId, source: { kind: source.kind, id: source.id }, trigger: talk.trigger?.code ?? null, scheduledOn: talk.scheduledOn, interviewees: interviewees.map(ref), suggested: false, actor: actorOf(caller) },
    cause,
    now,
  );
  // Who proposed it follows it; the host unit's secretary approves a joint talk.
  const approvers = talk.kind === 'joint' ? secretariesOf(await peopleOf([talk.hostUnitId], now)).map((p) => p.personId) : [];
  await save(talk, undefined, [event], now, [caller.subject, ...approvers]);
  return viewOf(talk, now);
};

/** The party secretary of the host unit approves a joint talk. */
export const approveTalk = (caller: Caller, talkId: string, now: Date, cause: Causation) =>
  againOnConflict(async () => {
    const talk = await getTalk(talkId);
    const next = rules.approve(talk, caller, secretariesOf(await peopleOf([talk.hostUnitId], now)).map((p) => p.personId));
    const event = interviewsEvent('interviews.TalkApproved.v1', { subject: talkId, unitId: talk.unitId, version: next.revision }, { talkId, kind: talk.kind, unitId: talk.unitId, hostUnitId: talk.hostUnitId, actor: actorOf(caller) }, cause, now);
    await save(next, talk, [event], now);
    return viewOf(next, now);
  }, 3);

/** Records the talk held: who convened and attended (people in posts), the problems and the demands. */
export const recordTalk = (caller: Caller, talkId: string, input: RecordTalkBody, now: Date, cause: Causation) =>
  againOnConflict(async () => {
    const talk = await getTalk(talkId);
    // Who records, before anything they sent is looked at: a wrong person is a 403, whatever the record.
    rules.checkRecorder(talk, caller, Array.isArray(input.convenors) ? undefined : input.convenors.disciplineChief);
    if (talk.kind === 'joint' && Array.isArray(input.convenors)) throw new RuleError('A joint talk names its four convenors', [{ path: 'convenors', message: '联合谈话须写明党委书记、专职副书记、纪委书记和组织部长' }]);
    const [host, unit, caller_] = await Promise.all([peopleOf([talk.hostUnitId], now), peopleOf([talk.unitId], now), caller.unitId ? peopleOf([caller.unitId], now) : Promise.resolve([])]);
    const inPost = [...host, ...unit, ...caller_];
    const convenors = Array.isArray(input.convenors)
      ? pick(input.convenors, inPost, 'convenors', '主持单位或被谈话单位').map((p) => ({ ...p, as: p.title }))
      : rules.jointConvenors(input.convenors, host);
    const attendees = pick(input.attendees, inPost, 'attendees', '主持单位或被谈话单位');
    if (input.heldOn > cstDate(now)) throw new RuleError('A talk is recorded once held', [{ path: 'heldOn', message: '谈话日期不能晚于今天' }]);
    const next = rules.hold(
      talk,
      caller,
      { heldOn: input.heldOn, convenors, attendees, problems: input.problems, demands: input.demands, followUp: input.followUp, belowDivisionLevel: input.belowDivisionLevel },
      rules.statingPositionsOf(talk, unit),
    );
    const event = interviewsEvent(
      'interviews.TalkHeld.v1',
      { subject: talkId, unitId: talk.unitId, version: next.revision },
      {
        talkId,
        kind: talk.kind,
        unitId: talk.unitId,
        hostUnitId: talk.hostUnitId,
        source: { kind: talk.source.kind, id: talk.source.id },
        heldOn: input.heldOn,
        convenors: convenors.map(ref),
        attendees: attendees.map(ref),
        interviewees: talk.interviewees.map(ref),
        problemCount: input.problems.length,
        demandCount: input.demands.length,
        filedWithOffice: next.filedWithOffice,
        actor: actorOf(caller),
      },
      cause,
      now,
    );
    await save(next, talk, [event], now);
    return viewOf(next, now);
  }, 3);

/** The caller states their position on a talk held with them. */
export const statePosition = (caller: Caller, talkId: string, text: string, now: Date, cause: Causation) =>
  againOnConflict(async () => {
    const talk = await getTalk(talkId);
    const next = rules.statePosition(talk, caller, text, toCstIso(now));
    const person = next.positions.find((p) => p.person.personId === caller.subject)!.person;
    const event = interviewsEvent('interviews.PositionStated.v1', { subject: talkId, unitId: talk.unitId, version: next.revision }, { talkId, kind: talk.kind, unitId: talk.unitId, person: ref(person), actor: actorOf(caller) }, cause, now);
    await save(next, talk, [event], now);
    return viewOf(next, now);
  }, 3);

/** The unit's secretary submits the rectification plan; each item is requested of the reports service. */
export const submitPlan = (caller: Caller, talkId: string, input: PlanBody, now: Date, cause: Causation) =>
  againOnConflict(async () => {
    const talk = await getTalk(talkId);
    const secretaries = secretariesOf(await peopleOf([talk.unitId], now)).map((p) => p.personId);
    const today = cstDate(now);
    // Who submits, before the dates: a wrong person is a 403, whatever the plan.
    rules.submitPlan(talk, caller, secretaries, []);
    input.items.forEach((item, i) => {
      if (item.dueDate <= today) throw new RuleError('A plan item is due in the future', [{ path: `items.${i}.dueDate`, message: '整改期限须晚于今天' }]);
    });
    const items = input.items.map((i) => ({ requestId: uuidv7(), action: i.action, dueDate: i.dueDate, rectificationId: null, status: 'requested' as const }));
    const next = rules.submitPlan(talk, caller, secretaries, items);
    const events = items.map((item, i) =>
      interviewsEvent(
        'interviews.RectificationRequested.v1',
        { subject: talkId, unitId: talk.unitId, version: next.revision + i },
        { requestId: item.requestId, unitId: talk.unitId, source: { kind: 'talk', id: talkId }, action: item.action, dueDate: item.dueDate, actor: actorOf(caller) },
        cause,
        now,
      ),
    );
    await save(next, talk, events, now);
    return viewOf(next, now);
  }, 3);

/** A talk record, for those who may read it; the read is recorded. */
export const viewTalk = async (caller: Caller, talkId: string, now: Date) => {
  const talk = await getTalk(talkId);
  if (!rules.mayRead(caller, talk)) throw new ForbiddenError('Talk records are read only by the roles in charge');
  await recordAccess(talkId, caller, toCstIso(now));
  return viewOf(talk, now);
};

/** Who read a talk record, and when. */
export const talkAccessLog = async (talkId: string) => {
  await getTalk(talkId);
  return { recordId: talkId, accesses: await accessLog(talkId) };
};

const yearOf = (talk: Talk): number => Number((talk.heldOn ?? talk.scheduledOn ?? talk.proposedAt).slice(0, 4));

/** A talk as lists give it: without the record's words, which only a recorded read gives. */
const summaryOf = ({ convenors: _c, attendees: _a, problems: _p, demands: _d, followUp: _f, positions, ...rest }: Awaited<ReturnType<typeof viewOf>>) => ({
  ...rest,
  positions: positions.map((p) => ({ person: p.person, stated: p.text !== null })),
});

/** A unit's talks of a year that the caller may read, by date. */
export const listTalks = async (caller: Caller, unitId: string, year: number, now: Date) => {
  const talks = (await unitItems(unitId, 'TALK#')).map(talkOf).filter((t) => yearOf(t) === year && rules.mayRead(caller, t));
  const views = await Promise.all(talks.map((t) => viewOf(t, now)));
  return { talks: views.sort((a, b) => (a.heldOn ?? a.scheduledOn ?? '9999').localeCompare(b.heldOn ?? b.scheduledOn ?? '9999')).map(summaryOf) };
};

/** The talks naming the caller, newest first. */
export const myTalks = async (caller: Caller, now: Date) => {
  const pointers = await personItems(caller.subject, 'TALK');
  const talks = await Promise.all(pointers.map(async (p) => talkOf((await store.getItem(`UNIT#${String(p.unitId)}`, String(p.sk)))!)));
  const views = await Promise.all(talks.filter((t) => t && rules.mayRead(caller, t)).map((t) => viewOf(t, now)));
  return { talks: views.sort((a, b) => b.talkId.localeCompare(a.talkId)).map(summaryOf) };
};
