/**
 * What the reports service takes from `interviews.events` and `inspections.events`: a talk's
 * rectification plan, a warning notice, a feedback sheet or a patrol finding asks for rectification,
 * and this service opens the item (one model, one owner); a warning
 * notice's written reply has a deadline, registered with the engine as an `external` deadline of the
 * person warned, done when the reply comes and due again when the reply is returned. From
 * `disclosure.events`, a public complaint's answer is due from the discipline body handling it, an
 * `external` deadline of that unit, done when it is answered or referred. Every effect is a function
 * of the event alone, written with the inbox item.
 */
import type { TransactItem } from '#shared/kafka/consumer.js';
import { outboxPut } from '#shared/outbox/outbox.js';
import type { DisclosureEvent, InspectionsRectificationRequestedV1, InterviewsEvent } from '#events/index.js';
import { answerDeadlineSubject } from '#events/disclosure/parts.js';
import { replyDeadlineSubject } from '#events/interviews/parts.js';
import { topics } from '#events/topics.js';
import { deadlineStateKey } from '../adapters/deadlineRepository.js';
import { store } from '../adapters/reportRepository.js';
import type { Rectification } from '../domain/hearings.js';
import { dueOf, putDue, setState } from './deadlineTracking.js';
import { reportsEvent } from './events.js';

type Effect<T extends InterviewsEvent['type']> = (event: Extract<InterviewsEvent, { type: T }>) => TransactItem[];

/** The title of the reply's deadline in reminders: what is due, never what the notice says. */
const replyTitle = '预警提示书面回复';

/** A request for a rectification item, from the interviews or the inspections service. */
type Request = Extract<InterviewsEvent, { type: 'interviews.RectificationRequested.v1' }> | InspectionsRectificationRequestedV1;

/** The rectification item asked for, opened with the request's id and announced. */
const requested = (event: Request): TransactItem[] => {
  const { data } = event;
  const at = new Date(event.time);
  const item: Rectification = {
    rectificationId: data.requestId,
    unitId: data.unitId,
    source: data.source,
    action: data.action,
    dueDate: data.dueDate,
    status: 'open',
    evidence: [],
    history: [{ at: event.time, status: 'open', note: data.action, by: data.actor.subject }],
    revision: 1,
  };
  const opened = reportsEvent(
    'reports.RectificationOpened.v1',
    { subject: data.requestId, unitId: data.unitId, version: 1 },
    { rectificationId: data.requestId, unitId: data.unitId, source: data.source, action: data.action, dueDate: data.dueDate, actor: data.actor },
    { correlationId: event.correlationid, traceparent: event.traceparent },
    at,
  );
  return [{ Put: { TableName: store.table(), Item: { pk: `UNIT#${data.unitId}`, sk: `RECT#${data.requestId}`, kind: 'rectification', ...item } } }, outboxPut(store.table(), topics.reports, opened, at)];
};

/** The reply is due from the person warned: reminded as their own, escalated to the upper committee and commission. */
const replyDue = (noticeId: string, unitId: string, personId: string, dueAt: string): TransactItem[] => {
  const subject = replyDeadlineSubject(noticeId);
  return [
    setState(deadlineStateKey('external', unitId, subject), { done: false, dueAt }),
    putDue(dueOf('external', unitId, subject, subject, dueAt, replyTitle, { unitId, personId, role: 'unit_staff' })),
  ];
};

const replyDone = (noticeId: string, unitId: string): TransactItem[] => [setState(deadlineStateKey('external', unitId, replyDeadlineSubject(noticeId)), { done: true })];

export const fromInterviewsEffects = {
  'interviews.RectificationRequested.v1': requested,
  'interviews.WarningNoticeIssued.v1': (({ data }) => replyDue(data.noticeId, data.unitId, data.person.personId, data.replyDueAt)) as Effect<'interviews.WarningNoticeIssued.v1'>,
  'interviews.WarningReplyReturned.v1': (({ data }) => replyDue(data.noticeId, data.unitId, data.person.personId, data.replyDueAt)) as Effect<'interviews.WarningReplyReturned.v1'>,
  'interviews.WarningReplyReceived.v1': (({ data }) => replyDone(data.noticeId, data.unitId)) as Effect<'interviews.WarningReplyReceived.v1'>,
};

/** From `inspections.events`: feedback sheets' demands and patrol findings ask for rectification items. */
export const fromInspectionsEffects = {
  'inspections.RectificationRequested.v1': requested,
};

type FromDisclosure<T extends DisclosureEvent['type']> = (event: Extract<DisclosureEvent, { type: T }>) => TransactItem[];

/** The title of a complaint's answer deadline in reminders: what is due, never what the complaint says. */
const answerTitle = '公众投诉办理答复';

/** A complaint's answer is due from its handling unit's discipline body by the end of its due day, escalated above it. */
const answerDue: FromDisclosure<'disclosure.ComplaintRouted.v1'> = ({ data }) => {
  const subject = answerDeadlineSubject(data.complaintId);
  const dueAt = `${data.dueOn}T23:59:59+08:00`;
  return [
    setState(deadlineStateKey('external', data.handlingUnitId, subject), { done: false, dueAt }),
    putDue(dueOf('external', data.handlingUnitId, subject, subject, dueAt, answerTitle, { unitId: data.handlingUnitId, personId: null, role: 'discipline_inspector' })),
  ];
};
const answerDone = ({ data }: { data: { complaintId: string; handlingUnitId: string } }): TransactItem[] => [setState(deadlineStateKey('external', data.handlingUnitId, answerDeadlineSubject(data.complaintId)), { done: true })];

/** From `disclosure.events`: a complaint's answer deadline, done when answered or referred. */
export const fromDisclosureEffects = {
  'disclosure.ComplaintRouted.v1': answerDue,
  'disclosure.ComplaintAnswered.v1': answerDone as FromDisclosure<'disclosure.ComplaintAnswered.v1'>,
  'disclosure.ComplaintReferred.v1': answerDone as FromDisclosure<'disclosure.ComplaintReferred.v1'>,
};
