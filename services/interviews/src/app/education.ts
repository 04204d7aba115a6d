/**
 * The integrity-education ledger of a unit: the year's plan filed with the commission above it,
 * the sessions held, and the pre-appointment training of newly appointed cadres.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Caller } from '#shared/auth/claims.js';
import { withoutKeys } from '#shared/dynamo/store.js';
import { RuleError } from '#shared/errors.js';
import { toCstIso, type Causation } from '#events/envelope.js';
import { actorOf } from '#events/people.js';
import type { EducationForm } from '#events/interviews/EducationSessionHeld.v1.js';
import { educationKey, getKnownUnit, store, unitItems } from '../adapters/interviewRepository.js';
import type { Person } from '../domain/talks.js';
import { interviewsEvent } from './events.js';
import { peopleOf, pick, ref } from './people.js';

const changed = 'The education ledger was changed meanwhile; try again';

/** The ledger of a unit's year, as answered. */
export const educationLedger = async (unitId: string, year: number) => {
  const items = await unitItems(unitId, `EDU#${year}#`);
  const of = (what: string) => items.filter((i) => String(i.sk).startsWith(`EDU#${year}#${what}`)).map((i) => withoutKeys<Record<string, unknown>>(i));
  const plan = of('PLAN')[0];
  return {
    unitId,
    year,
    plan: (plan as { planId: string; title: string; content: string; sessionsPlanned: number; filedAt: string; commissionUnitId: string } | undefined) ?? null,
    sessions: of('SESSION#') as Array<{ sessionId: string; heldOn: string; form: EducationForm; topic: string; attendance: number }>,
    trainings: of('TRAINING#') as Array<{ trainingId: string; person: Person; course: string; completedOn: string }>,
  };
};

/** The unit files its plan of the year with the commission of its upper level; a later filing replaces it. */
export const fileEducationPlan = async (caller: Caller, unitId: string, input: { year: number; title: string; content: string; sessionsPlanned: number }, now: Date, cause: Causation) => {
  const upper = (await getKnownUnit(unitId))?.ancestorIds.at(-1);
  if (upper === undefined) throw new RuleError('A root unit has no commission above it to file with', [{ path: 'unitId', message: '最上级单位无需向上级纪委报备' }]);
  const planId = uuidv7();
  const plan = { planId, title: input.title, content: input.content, sessionsPlanned: input.sessionsPlanned, filedAt: toCstIso(now), commissionUnitId: upper };
  const event = interviewsEvent('interviews.EducationPlanFiled.v1', { subject: planId, unitId, version: 1 }, { planId, unitId, year: input.year, commissionUnitId: upper, sessionsPlanned: input.sessionsPlanned, actor: actorOf(caller) }, cause, now);
  await store.writeWithEvents([{ item: { ...educationKey(unitId, input.year, 'PLAN'), kind: 'educationPlan', ...plan }, expect: 'any', what: 'The education plan' }], [event], now, changed);
  return educationLedger(unitId, input.year);
};

/** A session of integrity education the unit held. */
export const recordEducationSession = async (caller: Caller, unitId: string, input: { heldOn: string; form: EducationForm; topic: string; attendance: number }, now: Date, cause: Causation) => {
  const year = Number(input.heldOn.slice(0, 4));
  const sessionId = uuidv7();
  const event = interviewsEvent('interviews.EducationSessionHeld.v1', { subject: sessionId, unitId, version: 1 }, { sessionId, unitId, year, heldOn: input.heldOn, form: input.form, attendance: input.attendance, actor: actorOf(caller) }, cause, now);
  await store.writeWithEvents([{ item: { ...educationKey(unitId, year, `SESSION#${sessionId}`), kind: 'educationSession', sessionId, ...input }, expect: 'absent', what: 'The session' }], [event], now, changed);
  return educationLedger(unitId, year);
};

/** A newly appointed cadre of the unit completed the pre-appointment integrity training. */
export const recordTraining = async (caller: Caller, unitId: string, input: { personId: string; course: string; completedOn: string }, now: Date, cause: Causation) => {
  const [person] = pick([input.personId], await peopleOf([unitId], now), 'personId', '该单位');
  const year = Number(input.completedOn.slice(0, 4));
  const trainingId = uuidv7();
  const event = interviewsEvent('interviews.TrainingCompleted.v1', { subject: trainingId, unitId, version: 1 }, { trainingId, unitId, year, person: ref(person!), completedOn: input.completedOn, actor: actorOf(caller) }, cause, now);
  await store.writeWithEvents(
    [{ item: { ...educationKey(unitId, year, `TRAINING#${trainingId}`), kind: 'training', trainingId, person, course: input.course, completedOn: input.completedOn }, expect: 'absent', what: 'The training' }],
    [event],
    now,
    changed,
  );
  return educationLedger(unitId, year);
};
