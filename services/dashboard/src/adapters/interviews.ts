/**
 * The dashboard's read model of `interviews.events` (see `domain/interviews.ts`):
 *  - one partition per year (`INTERVIEWS#<year>`) of facts, one item per record keyed by its
 *    identity (`UNIT#<unitId>#TALK_HELD#<talkId>`, `UNIT#<unitId>#SESSION#<sessionId>`, ...), each
 *    event one Put of its fact with no condition, so that a redelivery or a replay writes the same
 *    item again and the counts, of items, do not grow;
 *  - one item per warning notice in `WARNING_NOTICES` (`UNIT#<unitId>#NOTICE#<noticeId>`), where each
 *    event sets its own step attribute, `step#<time in UTC>#<event id>` (an unconditional Update that
 *    comes out the same in any order and however often applied), and the issue sets `issuedYear`.
 *    The later events of a notice do not say the year it was issued in, so notices share one
 *    partition and a year's are those whose `issuedYear` is that year.
 * No item holds a person's id.
 */
import { queryAll, queryPartition } from '#shared/dynamo/client.js';
import type { TransactItem } from '#shared/kafka/consumer.js';
import type {
  EducationPlanFiledV1,
  EducationSessionHeldV1,
  TalkHeldV1,
  TalkProposedV1,
  TrainingCompletedV1,
  WarningNoticeIssuedV1,
  WarningReplyAcceptedV1,
  WarningReplyOverdueV1,
  WarningReplyReceivedV1,
  WarningReplyReturnedV1,
} from '#events/index.js';
import { cstYearOf, factsOf, identityOf, noticeStepOf, type InterviewsFact, type NoticeEvent, type NoticeStep, type ProjectedNotice, type RecordEvent, type TimedStep } from '../domain/interviews.js';
import { table } from './projection.js';
import { update } from './updates.js';

const factPartition = (year: number) => `INTERVIEWS#${year}`;
const noticePartition = 'WARNING_NOTICES';
const stepPrefix = 'step#';

/** The effect of an event on talks or education: its facts, each put under its identity. */
const kept = (event: RecordEvent): TransactItem[] =>
  factsOf(event).map((fact) => ({ Put: { TableName: table(), Item: { pk: factPartition(fact.year), sk: identityOf(fact), ...fact } } }));

/** A talk was proposed; one the service suggested is counted. */
export const talkProposed = (event: TalkProposedV1) => kept(event);
/** A talk was held: counted by its kind and its source's kind. */
export const talkHeld = (event: TalkHeldV1) => kept(event);
/** A unit filed its education plan of the year; a second filing leaves the one fact. */
export const educationPlanFiled = (event: EducationPlanFiledV1) => kept(event);
/** A unit held an education session, with its attendance. */
export const educationSessionHeld = (event: EducationSessionHeldV1) => kept(event);
/** A cadre completed the pre-appointment training. */
export const trainingCompleted = (event: TrainingCompletedV1) => kept(event);

/** The attribute of an event's step: names sort as the events' times do (ISO 8601 in UTC has a fixed width). */
const stepSlot = (event: NoticeEvent): string => `${stepPrefix}${new Date(event.time).toISOString()}#${event.id}`;

/** The effect of an event on its notice: its step, and what else it sets. */
const stepped = (event: NoticeEvent, set: Readonly<Record<string, unknown>> = {}): TransactItem[] => {
  const { noticeId, unitId } = event.data;
  return [update({ pk: noticePartition, sk: `UNIT#${unitId}#NOTICE#${noticeId}` }, { set: { kind: 'warningNotice', noticeId, unitId, [stepSlot(event)]: noticeStepOf(event), ...set } })];
};

/** A notice was issued: it counts in the CST year of its issue. */
export const warningNoticeIssued = (event: WarningNoticeIssuedV1) => stepped(event, { issuedYear: cstYearOf(event.time) });
/** The person replied in writing. */
export const warningReplyReceived = (event: WarningReplyReceivedV1) => stepped(event);
/** The commission returned the reply: a new one is due. */
export const warningReplyReturned = (event: WarningReplyReturnedV1) => stepped(event);
/** The commission accepted the reply. */
export const warningReplyAccepted = (event: WarningReplyAcceptedV1) => stepped(event);
/** The reply did not come by its deadline. */
export const warningReplyOverdue = (event: WarningReplyOverdueV1) => stepped(event);

/** The facts of the year about talks and education. */
export const loadInterviewFacts = async (year: number): Promise<InterviewsFact[]> =>
  (await queryPartition(table(), factPartition(year))).map(({ pk: _pk, sk: _sk, ...fact }) => fact as unknown as InterviewsFact);

/** The steps a notice item holds. */
const stepsOf = (item: Readonly<Record<string, unknown>>): TimedStep[] =>
  Object.entries(item).flatMap(([name, value]) => {
    if (!name.startsWith(stepPrefix)) return [];
    const rest = name.slice(stepPrefix.length);
    const split = rest.indexOf('#');
    return [{ at: rest.slice(0, split), eventId: rest.slice(split + 1), step: value as NoticeStep }];
  });

/** The notices issued in the year. */
export const loadNotices = async (year: number): Promise<ProjectedNotice[]> =>
  (
    await queryAll({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk',
      FilterExpression: '#issuedYear = :year',
      ExpressionAttributeNames: { '#issuedYear': 'issuedYear' },
      ExpressionAttributeValues: { ':pk': noticePartition, ':year': year },
    })
  ).map((item) => ({ noticeId: item.noticeId as string, unitId: item.unitId as string, issuedYear: item.issuedYear as number, steps: stepsOf(item) }));
