/**
 * The facts the year-end assessment measures, kept from the events of every topic in the partition
 * of the unit they concern (`FACTS#<unitId>`), one unconditional Put per fact, keyed by the record
 * it is about, so that a redelivered event writes the same item and a later event about the same
 * record (a re-rating, a second reply) replaces it. `domain/assessmentInputs.ts` reads them.
 */
import type { TransactItem } from '#shared/kafka/consumer.js';
import { cstDate } from '#events/envelope.js';
import type { InspectionsEvent, InterviewsEvent, ReportsEvent, SigningEvent } from '#events/index.js';
import { store } from '../adapters/inspectionRepository.js';
import type { Fact } from '../domain/assessmentInputs.js';

export const factsKey = (unitId: string) => `FACTS#${unitId}`;

const put = (unitId: string, sk: string, fact: Fact): TransactItem[] => [{ Put: { TableName: store.table(), Item: { pk: factsKey(unitId), sk, kind: 'fact', ...fact } } }];
const yearOf = (time: string) => Number(cstDate(new Date(time)).slice(0, 4));

type From<E extends { type: string }> = { readonly [T in E['type']]?: (event: Extract<E, { type: T }>) => TransactItem[] };

export const factsFromReports: From<ReportsEvent> = {
  'reports.AnnualReportSubmitted.v1': (e) =>
    put(e.data.unitId, `report#${e.data.year}#submitted#${e.id}`, { fact: 'reportSubmitted', year: e.data.year, late: e.data.late, resubmission: e.data.resubmission ?? false, at: e.data.submittedAt, eventId: e.id }),
  'reports.AnnualReportAccepted.v1': (e) => put(e.data.unitId, `report#${e.data.year}#accepted`, { fact: 'reportAccepted', year: e.data.year, eventId: e.id }),
  'reports.KeyTaskRated.v1': (e) => put(e.data.unitId, `light#${e.data.taskId}#Q${e.data.quarter}`, { fact: 'light', year: e.data.year, light: e.data.light, eventId: e.id }),
  'reports.RectificationOpened.v1': (e) => put(e.data.unitId, `rect#${e.data.rectificationId}`, { fact: 'rectOpened', rectificationId: e.data.rectificationId, dueDate: e.data.dueDate, eventId: e.id }),
  'reports.RectificationClosed.v1': (e) => put(e.data.unitId, `rectClosed#${e.data.rectificationId}`, { fact: 'rectClosed', rectificationId: e.data.rectificationId, eventId: e.id }),
  'reports.RectificationReopened.v1': (e) => [{ Delete: { TableName: store.table(), Key: { pk: factsKey(e.data.unitId), sk: `rectClosed#${e.data.rectificationId}` } } }],
};

export const factsFromSigning: From<SigningEvent> = {
  'signing.LetterIssued.v1': (e) => put(e.data.unitId, `letter#${e.data.letterId}`, { fact: 'letterIssued', year: e.data.year, letterId: e.data.letterId, eventId: e.id }),
  'signing.LetterCompleted.v1': (e) => put(e.data.unitId, `letterDone#${e.data.letterId}`, { fact: 'letterCompleted', year: e.data.year, letterId: e.data.letterId, eventId: e.id }),
};

export const factsFromInterviews: From<InterviewsEvent> = {
  'interviews.WarningNoticeIssued.v1': (e) => put(e.data.unitId, `notice#${e.data.noticeId}`, { fact: 'notice', noticeId: e.data.noticeId, year: yearOf(e.time), eventId: e.id }),
  'interviews.WarningReplyReceived.v1': (e) => put(e.data.unitId, `noticeReply#${e.data.noticeId}`, { fact: 'noticeReply', noticeId: e.data.noticeId, onTime: e.data.onTime, eventId: e.id }),
};

export const factsFromInspections: From<InspectionsEvent> = {
  'inspections.PatrolFindingRecorded.v1': (e) => put(e.data.unitId, `patrolFinding#${e.data.findingId}`, { fact: 'patrolFinding', findingId: e.data.findingId, requestId: e.data.requestId, year: e.data.year, eventId: e.id }),
  'inspections.MeasureImposed.v1': (e) =>
    put(e.data.unitId, `measure#${e.data.measureId}`, { fact: 'measure', measureId: e.data.measureId, grade: e.data.grade, year: Number(e.data.decidedOn.slice(0, 4)), eventId: e.id }),
};

/** The effects of several maps of one topic, each type's items together. */
export const together = <E extends { type: string }>(...maps: ReadonlyArray<From<E>>): From<E> => {
  const types = new Set(maps.flatMap((m) => Object.keys(m)));
  return Object.fromEntries(
    [...types].map((type) => [type, (event: E) => maps.flatMap((m) => (m as Record<string, ((e: E) => TransactItem[]) | undefined>)[type]?.(event) ?? [])]),
  ) as unknown as From<E>;
};
