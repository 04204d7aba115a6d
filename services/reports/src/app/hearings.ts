import { v7 as uuidv7 } from 'uuid';
import type { Caller } from '#shared/auth/claims.js';
import { againOnConflict } from '#shared/dynamo/store.js';
import { NotFoundError, RuleError } from '#shared/errors.js';
import { cstDate, toCstIso, type Causation } from '#events/envelope.js';
import { actorOf } from '#events/people.js';
import { checkHearingDate, isOverdue, submitEvidence, verify, type Hearing, type Rectification } from '../domain/hearings.js';
import { currentPosts, stateOf, store } from '../adapters/reportRepository.js';
import { evidenceOf } from './attachments.js';
import { reportsEvent } from './events.js';
import { dueAtOf } from './calendar.js';

const hearingKey = (unitId: string, year: number, hearingId: string) => ({ pk: `UNIT#${unitId}`, sk: `HEARING#${year}#${hearingId}` });
const rectificationKey = (unitId: string, rectificationId: string) => ({ pk: `UNIT#${unitId}`, sk: `RECT#${rectificationId}` });
const changed = 'The item was changed by someone else; reload and try again';

/** The commission's unit that holds a hearing: the caller's (the route lets only the levels above). */
const commissionUnitOf = (caller: Caller, unitId: string): string => caller.unitId ?? unitId;

/** The commission schedules a hearing of a subordinate unit's secretary. */
export const scheduleHearing = async (caller: Caller, unitId: string, input: { year: number; scheduledAt: Date }, now: Date, cause: Causation): Promise<Hearing> => {
  checkHearingDate(input.scheduledAt, await dueAtOf('hearing', input.year), input.year);
  const secretary = (await currentPosts(unitId, cstDate(now))).find((p) => p.role === 'secretary');
  if (!secretary) throw new RuleError('The unit has no secretary in post', [{ path: 'unitId', message: '该单位目前没有在任书记，无法安排述责述廉' }]);
  const hearing: Hearing = {
    hearingId: uuidv7(),
    unitId,
    year: input.year,
    commissionUnitId: commissionUnitOf(caller, unitId),
    secretary: { personId: secretary.personId, name: secretary.name },
    scheduledAt: toCstIso(input.scheduledAt),
    comments: [],
    revision: 1,
  };
  const { hearingId, year, commissionUnitId, scheduledAt } = hearing;
  const event = reportsEvent('reports.HearingScheduled.v1', { subject: hearingId, unitId, version: 1 }, { hearingId, unitId, year, commissionUnitId, secretary: hearing.secretary, scheduledAt, actor: actorOf(caller) }, cause, now);
  await store.writeWithEvents([{ item: { ...hearingKey(unitId, year, hearingId), kind: 'hearing', ...hearing }, expect: 'absent', what: 'The hearing' }], [event], now, changed);
  return hearing;
};

const getHearing = async (unitId: string, hearingId: string): Promise<Hearing> => {
  const found = (await store.queryItems(`UNIT#${unitId}`, 'HEARING#')).find((i) => i.hearingId === hearingId);
  if (!found) throw new NotFoundError(`Unit ${unitId} has no hearing ${hearingId}`);
  return stateOf<Hearing>(found);
};

/** A named commission member records a question or a comment at a hearing. */
export const recordComment = (caller: Caller, unitId: string, hearingId: string, input: { kind: 'question' | 'comment'; memberName: string; text: string }, now: Date, cause: Causation) =>
  againOnConflict(async () => {
    const hearing = await getHearing(unitId, hearingId);
    const comment = { commentId: uuidv7(), kind: input.kind, member: { personId: caller.subject, name: input.memberName }, text: input.text, at: toCstIso(now), rectificationIds: [] };
    const next: Hearing = { ...hearing, comments: [...hearing.comments, comment], revision: hearing.revision + 1 };
    const event = reportsEvent(
      'reports.HearingCommentRecorded.v1',
      { subject: hearingId, unitId, version: next.revision },
      { hearingId, unitId, year: hearing.year, commentId: comment.commentId, kind: comment.kind, member: comment.member, text: comment.text, actor: actorOf(caller) },
      cause,
      now,
    );
    await store.writeWithEvents([{ item: { ...hearingKey(unitId, hearing.year, hearingId), kind: 'hearing', ...next }, expect: { revision: hearing.revision }, what: 'The hearing' }], [event], now, changed);
    return comment;
  }, 3);

/** The hearings of a unit's year with their minutes: for the levels above it only. */
export const hearingMinutes = async (unitId: string, year: number) => ({
  unitId,
  year,
  hearings: (await store.queryItems(`UNIT#${unitId}`, `HEARING#${year}#`)).map((i) => stateOf<Hearing>(i)),
});

/** A comment opens a rectification item for the heard unit, with the action required and a due date. */
export const openRectification = (caller: Caller, unitId: string, hearingId: string, commentId: string, input: { action: string; dueDate: string }, now: Date, cause: Causation) =>
  againOnConflict(async () => {
    const hearing = await getHearing(unitId, hearingId);
    const comment = hearing.comments.find((c) => c.commentId === commentId);
    if (!comment) throw new NotFoundError(`The hearing ${hearingId} has no comment ${commentId}`);
    const at = toCstIso(now);
    const item: Rectification = {
      rectificationId: uuidv7(),
      unitId,
      source: { kind: 'hearing', id: commentId },
      action: input.action,
      dueDate: input.dueDate,
      status: 'open',
      evidence: [],
      history: [{ at, status: 'open', note: input.action, by: caller.subject }],
      revision: 1,
    };
    const next: Hearing = { ...hearing, comments: hearing.comments.map((c) => (c.commentId === commentId ? { ...c, rectificationIds: [...c.rectificationIds, item.rectificationId] } : c)), revision: hearing.revision + 1 };
    const event = reportsEvent(
      'reports.RectificationOpened.v1',
      { subject: item.rectificationId, unitId, version: 1 },
      { rectificationId: item.rectificationId, unitId, source: item.source, action: item.action, dueDate: item.dueDate, actor: actorOf(caller) },
      cause,
      now,
    );
    await store.writeWithEvents(
      [
        { item: { ...rectificationKey(unitId, item.rectificationId), kind: 'rectification', ...item }, expect: 'absent', what: 'The rectification item' },
        { item: { ...hearingKey(unitId, hearing.year, hearingId), kind: 'hearing', ...next }, expect: { revision: hearing.revision }, what: 'The hearing' },
      ],
      [event],
      now,
      changed,
    );
    return { ...item, overdue: isOverdue(item, now) };
  }, 3);

const getRectification = async (unitId: string, rectificationId: string): Promise<Rectification> => {
  const { pk, sk } = rectificationKey(unitId, rectificationId);
  const item = await store.getItem(pk, sk);
  if (!item) throw new NotFoundError(`Unit ${unitId} has no rectification item ${rectificationId}`);
  return stateOf<Rectification>(item);
};

const saveRectification = async (before: Rectification, next: Rectification, event: ReturnType<typeof reportsEvent>, now: Date) => {
  await store.writeWithEvents([{ item: { ...rectificationKey(next.unitId, next.rectificationId), kind: 'rectification', ...next }, expect: { revision: before.revision }, what: 'The rectification item' }], [event], now, changed);
  return { ...next, overdue: isOverdue(next, now) };
};

/** The owner unit submits evidence that the item is done. */
export const submitRectificationEvidence = async (caller: Caller, unitId: string, rectificationId: string, input: { note: string; attachmentIds: readonly string[] }, now: Date, cause: Causation) => {
  const item = await getRectification(unitId, rectificationId);
  const evidence = await evidenceOf(unitId, input.attachmentIds);
  const next = submitEvidence(item, input.note, evidence, caller.subject, toCstIso(now));
  const ref = { rectificationId, unitId, source: item.source };
  const event = reportsEvent('reports.RectificationEvidenceSubmitted.v1', { subject: rectificationId, unitId, version: next.revision }, { ...ref, note: input.note, evidence, actor: actorOf(caller) }, cause, now);
  return saveRectification(item, next, event, now);
};

/** The source verifies the evidence: the item is closed, or rejected back to open. */
export const verifyRectification = async (caller: Caller, unitId: string, rectificationId: string, input: { decision: 'close' | 'reject'; reason?: string | undefined }, now: Date, cause: Causation) => {
  const item = await getRectification(unitId, rectificationId);
  const next = verify(item, input.decision, input.reason ?? '', caller.subject, toCstIso(now));
  const ref = { rectificationId, unitId, source: item.source, actor: actorOf(caller) };
  const about = { subject: rectificationId, unitId, version: next.revision };
  const event =
    input.decision === 'close' ? reportsEvent('reports.RectificationClosed.v1', about, ref, cause, now) : reportsEvent('reports.RectificationReopened.v1', about, { ...ref, reason: input.reason ?? '' }, cause, now);
  return saveRectification(item, next, event, now);
};

/** A unit's rectification items, each flagged when overdue. */
export const listRectifications = async (unitId: string, now: Date) => ({
  unitId,
  rectifications: (await store.queryItems(`UNIT#${unitId}`, 'RECT#')).map((i) => stateOf<Rectification>(i)).map((r) => ({ ...r, overdue: isOverdue(r, now) })),
});
