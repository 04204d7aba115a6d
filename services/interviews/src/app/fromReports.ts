/**
 * What the interviews service takes from `reports.events`: the records a talk can cite (a quarter's
 * light of a key task, a hearing comment, a rectification item) with a summary an overseer reads;
 * a reminder talk suggested with the person responsible for a task rated red; the steps of the
 * rectification items its talks and notices asked for; and the escalation of a written reply not
 * come by its deadline. Every effect is a function of the event alone, written with the inbox item.
 */
import { v5 as uuidv5 } from 'uuid';
import type { TransactItem } from '#shared/kafka/consumer.js';
import { outboxPut } from '#shared/outbox/outbox.js';
import type { ReportsEvent } from '#events/index.js';
import { noticeOfSubject, type SourceKind } from '#events/interviews/parts.js';
import { topics } from '#events/topics.js';
import { noticeKey, ownerKey, personKey, sourceKey, store, talkItem, talkKey } from '../adapters/interviewRepository.js';
import { proposedTalk } from '../domain/talks.js';
import { interviewsEvent } from './events.js';

type Effect<T extends ReportsEvent['type']> = (event: Extract<ReportsEvent, { type: T }>) => TransactItem[];

/** The namespace of ids made from the id of the event that caused them, so that a replay makes the same ids. */
const derivedIds = '6f1b2c3d-4e5f-5a6b-8c7d-9e0f1a2b3c4d';

const put = (item: Record<string, unknown>): TransactItem => ({ Put: { TableName: store.table(), Item: item } });

const lightNames = { red: '红', yellow: '黄', green: '绿' } as const;

/**
 * A talk the service suggests on an event of another service (a red light, a low rank): the talk,
 * its pointers and its `TalkProposed`, all with ids made from the event's id, so that a replay makes
 * the same talk.
 */
export const suggestedTalk = (
  event: { readonly id: string; readonly time: string; readonly correlationid: string; readonly traceparent?: string | undefined },
  talk: { readonly kind: 'reminder' | 'admonishment'; readonly unitId: string; readonly hostUnitId: string; readonly subject: string; readonly source: { readonly kind: SourceKind; readonly id: string; readonly summary: string }; readonly interviewee: { readonly personId: string; readonly name: string } },
): TransactItem[] => {
  const talkId = uuidv5(`suggested-talk:${event.id}`, derivedIds);
  const suggested = proposedTalk({
    talkId,
    kind: talk.kind,
    status: 'suggested',
    unitId: talk.unitId,
    hostUnitId: talk.hostUnitId,
    subject: talk.subject,
    source: talk.source,
    trigger: null,
    scheduledOn: null,
    suggested: true,
    proposedBy: 'system',
    proposedAt: event.time,
    interviewees: [{ personId: talk.interviewee.personId, unitId: talk.unitId, name: talk.interviewee.name, title: '', postRole: '' }],
  });
  const proposed = interviewsEvent(
    'interviews.TalkProposed.v1',
    { subject: talkId, unitId: talk.unitId, version: 1 },
    {
      talkId,
      kind: talk.kind,
      unitId: talk.unitId,
      hostUnitId: talk.hostUnitId,
      source: { kind: talk.source.kind, id: talk.source.id },
      trigger: null,
      scheduledOn: null,
      interviewees: [{ personId: talk.interviewee.personId, unitId: talk.unitId }],
      suggested: true,
      actor: { subject: 'system', role: 'system', unitId: null },
    },
    { correlationId: event.correlationid, traceparent: event.traceparent },
    new Date(event.time),
  );
  return [
    put(talkItem(suggested)),
    put({ ...ownerKey('TALK', talkId), kind: 'owner', unitId: talk.unitId }),
    put({ ...personKey(talk.interviewee.personId, 'TALK', talkId), kind: 'personTalk', unitId: talk.unitId }),
    outboxPut(store.table(), topics.interviews, proposed, new Date(event.time)),
  ];
};

/** A quarter's light is a source; a red one suggests a reminder talk with the person responsible. */
const rated: Effect<'reports.KeyTaskRated.v1'> = (event) => {
  const { data } = event;
  const sourceId = `${data.taskId}#Q${data.quarter}`;
  const summary = `${data.year}年第${data.quarter}季度重点任务亮${lightNames[data.light]}灯：${data.reason}`;
  const source = put({ ...sourceKey('keyTaskLight', sourceId), kind: 'source', unitId: data.unitId, summary });
  if (data.light !== 'red') return [source];
  return [
    source,
    ...suggestedTalk(event, {
      kind: 'reminder',
      unitId: data.unitId,
      hostUnitId: data.actor.unitId ?? data.unitId,
      subject: `${data.year}年第${data.quarter}季度重点任务亮红灯，建议提醒谈话`,
      source: { kind: 'keyTaskLight', id: sourceId, summary },
      interviewee: data.responsible,
    }),
  ];
};

const commented: Effect<'reports.HearingCommentRecorded.v1'> = ({ data }) => [
  put({ ...sourceKey('hearingComment', data.commentId), kind: 'source', unitId: data.unitId, summary: `${data.year}年度述责述廉${data.kind === 'question' ? '询问' : '点评'}：${data.text}` }),
];

/** The step of a rectification item that a talk's plan or a notice asked for, set on it. */
const followed = (data: { rectificationId: string; unitId: string; source: { kind: string; id: string } }, status: 'open' | 'closed'): TransactItem[] => {
  if (data.source.kind !== 'talk' && data.source.kind !== 'warningNotice') return [];
  // (`plan` is one of DynamoDB's reserved words: every name goes through a placeholder.)
  const path = data.source.kind === 'talk' ? '#plan.#rid' : '#rectification';
  return [
    {
      Update: {
        TableName: store.table(),
        Key: data.source.kind === 'talk' ? talkKey(data.unitId, data.source.id) : noticeKey(data.unitId, data.source.id),
        // A new revision: a step taken on the talk or notice that read it before fails its guard and reads it again.
        UpdateExpression: `SET ${path}.#rectificationId = :rid, ${path}.#status = :status ADD #revision :one`,
        ExpressionAttributeNames: { ...(data.source.kind === 'talk' ? { '#plan': 'plan', '#rid': data.rectificationId } : { '#rectification': 'rectification' }), '#rectificationId': 'rectificationId', '#status': 'status', '#revision': 'revision' },
        ExpressionAttributeValues: { ':rid': data.rectificationId, ':status': status, ':one': 1 },
      },
    },
  ];
};

const opened: Effect<'reports.RectificationOpened.v1'> = ({ data }) => [
  put({ ...sourceKey('rectification', data.rectificationId), kind: 'source', unitId: data.unitId, summary: `整改事项：${data.action}（${data.dueDate}前完成）` }),
  ...followed(data, 'open'),
];

/**
 * The engine escalated a reply not come by its deadline: the notice shows overdue while that
 * deadline stands and no reply has come (a stale escalation, applied after the reply, shows nothing),
 * announced once
 * (on the first round, by the escalation to the commission; the one to the committee is its twin).
 */
const escalated: Effect<'reports.DeadlineEscalated.v1'> = (event) => {
  const { data } = event;
  if (data.kind !== 'external' || data.round !== 1 || data.to !== 'disciplineCommission') return [];
  return data.overdue.flatMap(({ deadline }) => {
    const noticeId = noticeOfSubject(deadline.subject);
    if (noticeId === undefined) return [];
    const overdue = interviewsEvent(
      'interviews.WarningReplyOverdue.v1',
      { subject: noticeId, unitId: deadline.unitId, version: 0 },
      { noticeId, unitId: deadline.unitId, replyDueAt: deadline.dueAt, escalationId: data.escalationId },
      { correlationId: event.correlationid, traceparent: event.traceparent },
      new Date(event.time),
    );
    return [
      // Overdue for this due time only: a reply, or a return with a new date, leaves it behind.
      {
        Update: {
          TableName: store.table(),
          Key: noticeKey(deadline.unitId, noticeId),
          UpdateExpression: 'SET overdueFor = :due ADD #revision :one',
          ExpressionAttributeNames: { '#revision': 'revision' },
          ExpressionAttributeValues: { ':due': deadline.dueAt, ':one': 1 },
        },
      },
      outboxPut(store.table(), topics.interviews, overdue, new Date(event.time)),
    ];
  });
};

export const fromReportsEffects = {
  'reports.KeyTaskRated.v1': rated,
  'reports.HearingCommentRecorded.v1': commented,
  'reports.RectificationOpened.v1': opened,
  'reports.RectificationClosed.v1': ({ data }: Extract<ReportsEvent, { type: 'reports.RectificationClosed.v1' }>) => followed(data, 'closed'),
  'reports.RectificationReopened.v1': ({ data }: Extract<ReportsEvent, { type: 'reports.RectificationReopened.v1' }>) => followed(data, 'open'),
  'reports.DeadlineEscalated.v1': escalated,
};
