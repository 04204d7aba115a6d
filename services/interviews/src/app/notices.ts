/**
 * Warning notices: issued by the commission to a person in post, replied to in writing by the
 * person, accepted or returned by the commission. The reply's deadline is registered with the
 * reports service's engine by the `WarningNoticeIssued` event; its reminders and escalation come
 * from there, and the escalation comes back as `WarningReplyOverdue`.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Caller } from '#shared/auth/claims.js';
import { againOnConflict, stateOf, type ItemPut } from '#shared/dynamo/store.js';
import { ForbiddenError, NotFoundError, RuleError } from '#shared/errors.js';
import { toCstIso, type Causation, type CloudEvent } from '#events/envelope.js';
import { actorOf } from '#events/people.js';
import { accessLog, getKnownUnit, noticeKey, ownerKey, owners, personItems, personKey, recordAccess, store, unitItems } from '../adapters/interviewRepository.js';
import * as rules from '../domain/notices.js';
import type { WarningNotice } from '../domain/notices.js';
import type { IssueNoticeBody, ReviewBody } from '../schemas.js';
import { interviewsEvent } from './events.js';
import { peopleOf, pick, ref } from './people.js';
import { resolveSource } from './sources.js';

const changed = 'The notice was changed by someone else; reload and try again';

const noticePuts = (notice: WarningNotice, expect: ItemPut['expect']): ItemPut[] => [
  { item: { ...noticeKey(notice.unitId, notice.noticeId), kind: 'warningNotice', ...notice }, expect, what: 'The warning notice' },
  ...(expect === 'absent'
    ? [
        { item: { ...ownerKey('NOTICE', notice.noticeId), kind: 'owner', unitId: notice.unitId }, expect: 'absent' as const, what: 'The notice’s owner' },
        ...[notice.person, ...(notice.leaderInCharge ? [notice.leaderInCharge] : [])].map((p) => ({
          item: { ...personKey(p.personId, 'NOTICE', notice.noticeId), kind: 'personNotice', unitId: notice.unitId, as: p === notice.person ? 'warned' : 'leaderInCharge' },
          expect: 'any' as const,
          what: 'The notice’s pointer',
        })),
      ]
    : []),
];

const save = (notice: WarningNotice, before: WarningNotice | undefined, events: readonly CloudEvent[], now: Date) =>
  store.writeWithEvents(noticePuts(notice, before ? { revision: before.revision } : 'absent'), events, now, changed);

const getNotice = async (noticeId: string): Promise<WarningNotice> => {
  const unitId = await owners.warningNotice(noticeId);
  const key = unitId === undefined ? undefined : noticeKey(unitId, noticeId);
  const item = key ? await store.getItem(key.pk, key.sk) : undefined;
  if (!item) throw new NotFoundError(`No warning notice ${noticeId}`);
  return stateOf<WarningNotice>(item);
};

const viewOf = async ({ overdueFor: _overdueFor, ...notice }: WarningNotice) => ({ ...notice, overdue: rules.isOverdue({ ...notice, overdueFor: _overdueFor }), unitName: (await getKnownUnit(notice.unitId))?.name ?? '' });

/** The commission issues a warning notice to a person in post in the unit, with a reply date ahead. */
export const issueNotice = async (caller: Caller, unitId: string, input: IssueNoticeBody, now: Date, cause: Causation) => {
  const replyDueAt = rules.checkReplyDate(input.replyDueDate, now, 'replyDueDate');
  if (input.rectification) rules.checkReplyDate(input.rectification.dueDate, now, 'rectification.dueDate');
  if (input.leaderInChargeId === input.personId) throw new RuleError('The leader in charge is another person', [{ path: 'leaderInChargeId', message: '分管领导不能是被提示人本人' }]);
  const people = await peopleOf([unitId], now);
  const [person] = pick([input.personId], people, 'personId', '该单位');
  const leaderPool = input.leaderInChargeId ? [...people, ...(await peopleOf((await getKnownUnit(unitId))?.ancestorIds.slice(-1) ?? [], now))] : [];
  const leaderInCharge = input.leaderInChargeId ? pick([input.leaderInChargeId], leaderPool, 'leaderInChargeId', '该单位或其上级')[0]! : null;
  const source = await resolveSource(input.source, unitId);
  const noticeId = uuidv7();
  const rectification = input.rectification ? { requestId: uuidv7(), action: input.rectification.action, dueDate: input.rectification.dueDate, rectificationId: null, status: 'requested' as const } : null;
  const notice: WarningNotice = {
    noticeId,
    unitId,
    issuingUnitId: caller.unitId ?? unitId,
    issuedBy: caller.subject,
    person: person!,
    leaderInCharge,
    source,
    tendency: input.tendency,
    demands: input.demands,
    issuedAt: toCstIso(now),
    replyDueAt,
    status: 'issued',
    replies: [],
    rectification,
    revision: 1,
  };
  const about = { subject: noticeId, unitId, version: 1 };
  const events: CloudEvent[] = [
    interviewsEvent(
      'interviews.WarningNoticeIssued.v1',
      about,
      { noticeId, unitId, person: ref(person!), issuingUnitId: notice.issuingUnitId, leaderInCharge: leaderInCharge ? ref(leaderInCharge) : null, source: { kind: source.kind, id: source.id }, replyDueAt, actor: actorOf(caller) },
      cause,
      now,
    ),
    ...(rectification
      ? [interviewsEvent('interviews.RectificationRequested.v1', about, { requestId: rectification.requestId, unitId, source: { kind: 'warningNotice', id: noticeId }, action: rectification.action, dueDate: rectification.dueDate, actor: actorOf(caller) }, cause, now)]
      : []),
  ];
  await save(notice, undefined, events, now);
  return viewOf(notice);
};

/** The person warned replies in writing; the deadline's reminders stop. */
export const replyToNotice = (caller: Caller, noticeId: string, text: string, now: Date, cause: Causation) =>
  againOnConflict(async () => {
    const notice = await getNotice(noticeId);
    const next = rules.reply(notice, caller, text, now, toCstIso(now));
    const onTime = next.replies[next.replies.length - 1]!.onTime;
    const event = interviewsEvent('interviews.WarningReplyReceived.v1', { subject: noticeId, unitId: notice.unitId, version: next.revision }, { noticeId, unitId: notice.unitId, person: ref(notice.person), onTime, actor: actorOf(caller) }, cause, now);
    await save(next, notice, [event], now);
    return viewOf(next);
  }, 3);

/** The issuing commission accepts the reply, or returns it with a reason and a new date. */
export const reviewReply = (caller: Caller, noticeId: string, input: ReviewBody, now: Date, cause: Causation) =>
  againOnConflict(async () => {
    const notice = await getNotice(noticeId);
    const replyDueAt = input.decision === 'return' && input.replyDueDate ? rules.checkReplyDate(input.replyDueDate, now, 'replyDueDate') : undefined;
    const next = rules.review(notice, caller, { decision: input.decision, reason: input.reason, replyDueAt });
    const about = { subject: noticeId, unitId: notice.unitId, version: next.revision };
    const base = { noticeId, unitId: notice.unitId, person: ref(notice.person), actor: actorOf(caller) };
    const event =
      input.decision === 'accept'
        ? interviewsEvent('interviews.WarningReplyAccepted.v1', about, base, cause, now)
        : interviewsEvent('interviews.WarningReplyReturned.v1', about, { ...base, replyDueAt: next.replyDueAt }, cause, now);
    await save(next, notice, [event], now);
    return viewOf(next);
  }, 3);

/** A notice, for those who may read it; the read is recorded. */
export const viewNotice = async (caller: Caller, noticeId: string, now: Date) => {
  const notice = await getNotice(noticeId);
  if (!rules.mayReadNotice(caller, notice)) throw new ForbiddenError('Warning notices are read only by the person, their leader in charge and the commission');
  await recordAccess(noticeId, caller, toCstIso(now));
  return viewOf(notice);
};

/** Who read a notice, and when. */
export const noticeAccessLog = async (noticeId: string) => {
  await getNotice(noticeId);
  return { recordId: noticeId, accesses: await accessLog(noticeId) };
};

/** A notice as lists give it: without its words or its replies', which only a recorded read gives. */
const summaryOf = ({ tendency: _t, demands: _d, replies, ...rest }: Awaited<ReturnType<typeof viewOf>>) => ({
  ...rest,
  replies: replies.map((r) => ({ at: r.at, onTime: r.onTime, decision: r.decision })),
});

/** A unit's notices of a year (its warning-notice ledger), those the caller may read. */
export const listNotices = async (caller: Caller, unitId: string, year: number) => {
  const notices = (await unitItems(unitId, 'NOTICE#')).map((i) => stateOf<WarningNotice>(i)).filter((n) => Number(n.issuedAt.slice(0, 4)) === year && rules.mayReadNotice(caller, n));
  return { notices: (await Promise.all(notices.sort((a, b) => a.issuedAt.localeCompare(b.issuedAt)).map(viewOf))).map(summaryOf) };
};

/** The notices addressed to the caller (as the person warned), newest first. */
export const myNotices = async (caller: Caller) => {
  const pointers = (await personItems(caller.subject, 'NOTICE')).filter((p) => p.as === 'warned');
  const notices = await Promise.all(pointers.map(async (p) => stateOf<WarningNotice>((await store.getItem(`UNIT#${String(p.unitId)}`, String(p.sk)))!)));
  return { notices: (await Promise.all(notices.sort((a, b) => b.issuedAt.localeCompare(a.issuedAt)).map(viewOf))).map(summaryOf) };
};
