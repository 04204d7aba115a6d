/**
 * Accountability cases through the service: opened by a commission on a clue about a person of a
 * unit within its reach, acted on by the handling commission (or one above it), read by the
 * commission and the organisation department within their reach, every read recorded. Each step
 * writes the case, its pointers and its events in one transaction.
 */
import { v7 as uuidv7 } from 'uuid';
import { maskNameIn } from '#shared/names.js';
import type { Caller } from '#shared/auth/claims.js';
import { againOnConflict, stateOf, type ItemPut } from '#shared/dynamo/store.js';
import { NotFoundError, RuleError } from '#shared/errors.js';
import { cstDate, toCstIso, type Causation, type CloudEvent } from '#events/envelope.js';
import { actorOf } from '#events/people.js';
import { accessLog, caseKey, getKnownUnit, ownerKey, owners, personKey, recordAccess, referredComplaint, store, unitItems } from '../adapters/inspectionRepository.js';
import { banRules, doubleInquirySituations, exemptionSituations, followUpMonths } from '../config.js';
import { measures } from '../domain/accountability.js';
import * as rules from '../domain/cases.js';
import type { Case } from '../domain/cases.js';
import type { CloseBody, ExemptionDecisionBody, ExemptionRequestBody, MeasureBody, OpenCaseBody } from '../schemas.js';
import { inspectionsEvent } from './events.js';
import { personOfUnit, ref } from './people.js';

const changed = 'The case was changed by someone else; reload and try again';

const casePuts = (c: Case, expect: ItemPut['expect'], extra: readonly ItemPut[] = []): ItemPut[] => [
  { item: { ...caseKey(c.unitId, c.caseId), kind: 'case', ...c }, expect, what: 'The case' },
  ...(expect === 'absent'
    ? [
        { item: { ...ownerKey(c.caseId), kind: 'owner', unitId: c.unitId }, expect: 'absent' as const, what: 'The case’s owner' },
        { item: { ...personKey(c.person.personId, `CASE#${c.caseId}`), kind: 'personCase', unitId: c.unitId }, expect: 'absent' as const, what: 'The case’s pointer' },
      ]
    : []),
  ...extra,
];

const save = (c: Case, before: Case | undefined, events: readonly CloudEvent[], now: Date, extra: readonly ItemPut[] = []) =>
  store.writeWithEvents(casePuts(c, before ? { revision: before.revision } : 'absent', extra), events, now, changed);

/** A case by id, wherever it is kept, or a 404. */
export const getCase = async (caseId: string): Promise<Case> => {
  const unitId = await owners.case(caseId);
  const key = unitId === undefined ? undefined : caseKey(unitId, caseId);
  const item = key ? await store.getItem(key.pk, key.sk) : undefined;
  if (!item) throw new NotFoundError(`No case ${caseId}`);
  return stateOf<Case>(item);
};

/** The ancestors of the handling commission's unit, which may act on the case too. */
const handlingAncestors = async (c: Case): Promise<readonly string[]> => (await getKnownUnit(c.handlingUnitId))?.ancestorIds ?? [];

export const caseView = async (c: Case) => ({
  ...c,
  unitName: (await getKnownUnit(c.unitId))?.name ?? '',
  measures: c.measures.map((m) => ({ ...m, name: measures[m.kind].name })),
  followUpDueOn: rules.followUpDue(c),
});

const summaryOf = async (c: Case) => {
  const { facts: _f, inquiries: _i, exemption: _e, clarification: _c, escalations: _s, lookBacks: _l, followUps: _v, openedBy: _o, ...view } = await caseView(c);
  return { ...view, measures: c.measures.map((m) => ({ kind: m.kind, name: measures[m.kind].name, decidedOn: m.decidedOn })) };
};

const checkSource = async (source: OpenCaseBody['source'], unitId: string): Promise<Case['source']> => {
  if (source.kind === 'manual') {
    if (!source.note) throw new RuleError('A clue entered by hand says what it was', [{ path: 'source.note', message: '请填写线索内容' }]);
    return { kind: 'manual', id: source.id ?? uuidv7(), note: source.note };
  }
  if (!source.id) throw new RuleError('The source names its record', [{ path: 'source.id', message: '请填写线索来源的记录编号' }]);
  // Failure to pursue accountability is itself a case: it names the case that was not pursued.
  if (source.kind === 'failureToPursue' && (await owners.case(source.id)) === undefined) throw new RuleError('No such case', [{ path: 'source.id', message: '所指问责案件不存在' }]);
  // A complaint (信访举报) names its record: a public complaint of this system must have been referred
  // for a case, about this unit or one above it; any other number is a record of the petition office.
  if (source.kind === 'complaint') {
    const referred = await referredComplaint(source.id);
    const unit = referred ? await getKnownUnit(unitId) : undefined;
    if (referred && (referred.to !== 'case' || !unit || (referred.unitId !== unitId && !unit.ancestorIds.includes(referred.unitId))))
      throw new RuleError('A public complaint not referred for a case about this unit', [{ path: 'source.id', message: '该公众投诉未转本单位立案审查' }]);
  }
  return { kind: source.kind, id: source.id, note: source.note ?? null };
};

/** A commission opens a case on a clue about a person who holds or held a post in the unit. */
export const openCase = async (caller: Caller, unitId: string, input: OpenCaseBody, now: Date, cause: Causation) => {
  const person = await personOfUnit(unitId, input.personId, 'personId');
  const source = await checkSource(input.source, unitId);
  if (input.openedOn > cstDate(now)) throw new RuleError('A case is not opened in the future', [{ path: 'openedOn', message: '立案日期不能晚于今天' }]);
  const c = rules.openCase(
    { caseId: uuidv7(), unitId, person, handlingUnitId: caller.unitId ?? unitId, source, facts: input.facts, situation: input.situation ?? null, openedOn: input.openedOn, openedBy: caller.subject },
    doubleInquirySituations(),
  );
  const event = inspectionsEvent(
    'inspections.CaseOpened.v1',
    { subject: c.caseId, unitId, version: 1 },
    { caseId: c.caseId, unitId, person: ref(person), handlingUnitId: c.handlingUnitId, source: { kind: source.kind, id: source.id }, situation: c.situation, inquiries: c.inquiries.map((i) => i.kind), openedOn: c.openedOn, actor: actorOf(caller) },
    cause,
    now,
  );
  await save(c, undefined, [event], now);
  return caseView(c);
};

/** Reads a case; the read is recorded. */
export const viewCase = async (caller: Caller, caseId: string, now: Date) => {
  const c = await getCase(caseId);
  await recordAccess(caseId, caller, toCstIso(now));
  return caseView(c);
};

export const caseAccessLog = async (caseId: string) => {
  await getCase(caseId);
  return { recordId: caseId, accesses: await accessLog(caseId) };
};

/** The cases of people of a unit, opened in the year, newest first. */
export const listCases = async (unitId: string, year: number) => {
  const cases = (await unitItems(unitId, 'CASE#')).map((i) => stateOf<Case>(i)).filter((c) => c.openedOn.startsWith(String(year)));
  cases.sort((a, b) => b.openedOn.localeCompare(a.openedOn) || b.caseId.localeCompare(a.caseId));
  return { unitId, cases: await Promise.all(cases.map(summaryOf)) };
};

/** Reads the case, applies a step, writes it with its events; again on a conflicting write. */
const step = (caseId: string, apply: (c: Case, ancestors: readonly string[]) => Promise<{ next: Case; events: (next: Case) => CloudEvent[]; extra?: ItemPut[] }>, now: Date) =>
  againOnConflict(async () => {
    const c = await getCase(caseId);
    const { next, events, extra } = await apply(c, await handlingAncestors(c));
    await save(next, c, events(next), now, extra);
    return caseView(next);
  }, 3);

const about = (c: Case) => ({ subject: c.caseId, unitId: c.unitId, version: c.revision });

export const concludeInquiry = (caller: Caller, caseId: string, input: { inquiry: Case['inquiries'][number]['kind']; accountable: boolean; finding: string }, now: Date, cause: Causation) =>
  step(
    caseId,
    async (c, ancestors) => ({
      next: rules.concludeInquiry(c, input.inquiry, { accountable: input.accountable, text: input.finding }, caller.unitId, ancestors),
      events: (n) => [inspectionsEvent('inspections.InquiryConcluded.v1', about(n), { caseId, unitId: c.unitId, inquiry: input.inquiry, accountable: input.accountable, actor: actorOf(caller) }, cause, now)],
    }),
    now,
  );

/** Imposes a measure; the bans it brings are kept under the person too, where every appointment is checked. */
export const imposeMeasure = (caller: Caller, caseId: string, input: MeasureBody, now: Date, cause: Causation) =>
  step(
    caseId,
    async (c, ancestors) => {
      const { case: next, measure } = rules.imposeMeasure(c, { measureId: uuidv7(), kind: input.measure, decidedOn: input.decidedOn, basis: input.basis, banIds: [uuidv7(), uuidv7()] }, { bans: banRules(), followUpMonths: followUpMonths() }, caller.unitId, ancestors);
      const person = ref(c.person);
      return {
        next,
        // `kind` names the item's type in every table: the ban's own kind is kept as `banKind`.
        extra: measure.bans.map(({ kind, ...ban }) => ({ item: { ...personKey(c.person.personId, `BAN#${ban.banId}`), ...ban, kind: 'ban', banKind: kind }, expect: 'absent' as const, what: 'The ban' })),
        events: (n) => [
          inspectionsEvent(
            'inspections.MeasureImposed.v1',
            about(n),
            { caseId, measureId: measure.measureId, unitId: c.unitId, person, measure: measure.kind, grade: measure.grade, decidedOn: measure.decidedOn, followUpDueOn: measure.followUpDueOn, actor: actorOf(caller) },
            cause,
            now,
          ),
          ...measure.bans.map((ban) =>
            inspectionsEvent('inspections.BanImposed.v1', about(n), { banId: ban.banId, caseId, unitId: c.unitId, person, ban: ban.kind, measure: ban.measure, from: ban.from, until: ban.until, actor: actorOf(caller) }, cause, now),
          ),
        ],
      };
    },
    now,
  );

export const escalateCase = (caller: Caller, caseId: string, reason: string, now: Date, cause: Causation) =>
  step(
    caseId,
    async (c, ancestors) => {
      const next = rules.escalate(c, reason, cstDate(now), caller.unitId, ancestors);
      return { next, events: (n) => [inspectionsEvent('inspections.CaseEscalated.v1', about(n), { caseId, unitId: c.unitId, fromUnitId: c.handlingUnitId, toUnitId: n.handlingUnitId, actor: actorOf(caller) }, cause, now)] };
    },
    now,
  );

const clarificationEvent = (caller: Caller, c: Case, cause: Causation, now: Date) =>
  c.clarification
    ? [inspectionsEvent('inspections.ClarificationIssued.v1', about(c), { clarificationId: c.clarification.clarificationId, caseId: c.caseId, unitId: c.unitId, person: ref(c.person), text: maskNameIn(c.clarification.text, c.person.name), issuedOn: c.clarification.issuedOn, actor: actorOf(caller) }, cause, now)]
    : [];

const closedEvent = (caller: Caller, c: Case, cause: Causation, now: Date) =>
  inspectionsEvent('inspections.CaseClosed.v1', about(c), { caseId: c.caseId, unitId: c.unitId, person: ref(c.person), outcome: c.outcome!, measureCount: c.measures.length, closedOn: c.closedOn!, actor: actorOf(caller) }, cause, now);

/** Closes the case: accountable, or cleared with a clarification notice. */
export const closeCase = (caller: Caller, caseId: string, input: CloseBody, now: Date, cause: Causation) =>
  step(
    caseId,
    async (c, ancestors) => {
      const clarification = input.clarification ? { clarificationId: uuidv7(), text: input.clarification, issuedOn: input.closedOn } : undefined;
      const next = rules.closeCase(c, { outcome: input.outcome, on: input.closedOn, clarification }, caller.unitId, ancestors);
      return { next, events: (n) => [closedEvent(caller, n, cause, now), ...(input.outcome === 'cleared' ? clarificationEvent(caller, n, cause, now) : [])] };
    },
    now,
  );

/** The committee of the person's unit asks for fault-tolerance exemption. */
export const requestExemption = async (caller: Caller, caseId: string, input: ExemptionRequestBody, now: Date) => {
  const view = await step(caseId, async (c) => ({ next: rules.requestExemption(c, { situation: input.situation, reason: input.reason, requestedBy: caller.subject, on: input.requestedOn }, exemptionSituations()), events: () => [] }), now);
  // The committee asking sees its request, never the case record.
  return { caseId: view.caseId, exemption: view.exemption };
};

/** The handling commission grants (closing the case, with a clarification notice) or refuses the exemption. */
export const decideExemption = (caller: Caller, caseId: string, input: ExemptionDecisionBody, now: Date, cause: Causation) =>
  step(
    caseId,
    async (c, ancestors) => {
      const clarification = input.clarification ? { clarificationId: uuidv7(), text: input.clarification, issuedOn: input.decidedOn } : undefined;
      const next = rules.decideExemption(c, { grant: input.grant, on: input.decidedOn, clarification }, caller.unitId, ancestors);
      return {
        next,
        events: (n) =>
          input.grant
            ? [
                inspectionsEvent('inspections.ExemptionGranted.v1', about(n), { caseId, unitId: c.unitId, person: ref(c.person), situation: n.exemption!.situation, grantedOn: input.decidedOn, actor: actorOf(caller) }, cause, now),
                closedEvent(caller, n, cause, now),
                ...clarificationEvent(caller, n, cause, now),
              ]
            : [],
      };
    },
    now,
  );

/** A look-back at a closed case; reopened where accountability fell short. */
export const lookBack = (caller: Caller, caseId: string, input: { shortfall: boolean; reason?: string | undefined; on: string }, now: Date, cause: Causation) =>
  step(
    caseId,
    async (c, ancestors) => {
      const next = rules.lookBackAt(c, input, caller.unitId, ancestors);
      return { next, events: (n) => (n.status === 'reopened' ? [inspectionsEvent('inspections.CaseReopened.v1', about(n), { caseId, unitId: c.unitId, person: ref(c.person), reopenedOn: input.on, actor: actorOf(caller) }, cause, now)] : []) };
    },
    now,
  );

/** Records a follow-up visit to the person held accountable. */
export const followUp = (caller: Caller, caseId: string, input: { visitedOn: string; notes: string }, now: Date, cause: Causation) =>
  step(
    caseId,
    async (c, ancestors) => {
      const visitId = uuidv7();
      const next = rules.visit(c, { visitId, ...input }, caller.unitId, ancestors);
      return { next, events: (n) => [inspectionsEvent('inspections.FollowUpVisited.v1', about(n), { visitId, caseId, unitId: c.unitId, person: ref(c.person), visitedOn: input.visitedOn, actor: actorOf(caller) }, cause, now)] };
    },
    now,
  );

/** The quarter (1–4) of a date. */
export const quarterOf = (date: string): number => Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;

/** Marks a closed case typical, with the text written for the public; only that text (the person's name masked by the rule, 张某) and the measures' kinds leave the service. */
export const markTypical = (caller: Caller, caseId: string, summary: string, now: Date, cause: Causation) =>
  step(
    caseId,
    async (c, ancestors) => {
      const next = rules.markTypical(c, summary, cstDate(now), caller.unitId, ancestors);
      // It is circulated with the quarter the case was closed in.
      const closedOn = next.closedOn!;
      return {
        next,
        events: (n) => [
          inspectionsEvent('inspections.TypicalCaseMarked.v1', about(n), { caseId, unitId: c.unitId, year: Number(closedOn.slice(0, 4)), quarter: quarterOf(closedOn), measures: c.measures.map((m) => m.kind), summary: maskNameIn(summary, c.person.name), actor: actorOf(caller) }, cause, now),
        ],
      };
    },
    now,
  );
