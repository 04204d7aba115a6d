/**
 * What the deadline engine learns from `reports.events`, its own topic: who is done with a deadline
 * of the calendar, and the deadlines of single records (a reopened report, a rectification item, a
 * key task's time nodes) indexed by their due date with a state that says whether each is done.
 * Every effect is an unconditional put or update that gives the same result when applied again, as
 * a consumer's effects must be.
 */
import type { TransactItem } from '#shared/kafka/consumer.js';
import { cstDate } from '#events/envelope.js';
import type { ReportsEvent } from '#events/index.js';
import type { DeadlineKind, Recipient } from '#events/reports/parts.js';
import { deadlineStateKey, dueKey, postMember, setMembership, setNames, type DueItem } from '../adapters/deadlineRepository.js';
import { store } from '../adapters/reportRepository.js';
import { titleOf } from '../domain/reminderText.js';

type Handled<T extends ReportsEvent['type']> = (event: Extract<ReportsEvent, { type: T }>) => TransactItem[];

const secretaryOf = (unitId: string): Recipient => ({ unitId, personId: null, role: 'unit_secretary' });

export const setState = (key: { pk: string; sk: string }, values: Record<string, unknown>): TransactItem => ({
  Update: {
    TableName: store.table(),
    Key: key,
    UpdateExpression: `SET ${Object.keys(values)
      .map((name) => `#${name} = :${name}`)
      .join(', ')}`,
    ExpressionAttributeNames: Object.fromEntries(Object.keys(values).map((name) => [`#${name}`, name])),
    ExpressionAttributeValues: Object.fromEntries(Object.entries(values).map(([name, value]) => [`:${name}`, value])),
  },
});

export const putDue = (item: DueItem): TransactItem => ({
  Put: { TableName: store.table(), Item: { ...dueKey(cstDate(new Date(item.dueAt)), item.deadlineKind, item.unitId, item.subject), kind: 'due', ...item } },
});

/** The report of a unit's year is done (submitted or accepted), or not any more (returned, reopened). */
const reportDone = (unitId: string, year: number, done: boolean): TransactItem[] => [
  setMembership(setNames.done('annualReport', String(year)), unitId, !done),
  setState(deadlineStateKey('annualReport', unitId, String(year)), { done }),
];

const endOfDay = (date: string) => `${date}T23:59:59+08:00`;

export const dueOf = (kind: DeadlineKind, unitId: string, subject: string, record: string, dueAt: string, title: string, recipient: Recipient): DueItem => ({
  deadlineKind: kind,
  subject,
  unitId,
  dueAt,
  title,
  recipient,
  state: deadlineStateKey(kind, unitId, record),
});

const submitted: Handled<'reports.AnnualReportSubmitted.v1'> = ({ data }) => reportDone(data.unitId, data.year, true);
const accepted: Handled<'reports.AnnualReportAccepted.v1'> = ({ data }) => reportDone(data.unitId, data.year, true);
const returned: Handled<'reports.AnnualReportReturned.v1'> = ({ data }) => reportDone(data.unitId, data.year, false);

/** A reopened report has a deadline of its own: the unit leaves the year's common deadline for it. */
const reopened: Handled<'reports.AnnualReportReopened.v1'> = ({ data }) => {
  const subject = String(data.year);
  return [
    setMembership(setNames.done('annualReport', subject), data.unitId, true),
    setMembership(setNames.own('annualReport', subject), data.unitId),
    setState(deadlineStateKey('annualReport', data.unitId, subject), { done: false, dueAt: data.deadline }),
    putDue(dueOf('annualReport', data.unitId, subject, subject, data.deadline, titleOf('annualReport', subject), secretaryOf(data.unitId))),
  ];
};

/** The hearing of the year is arranged for the unit (within the calendar's date, which scheduling checks). */
const hearingScheduled: Handled<'reports.HearingScheduled.v1'> = ({ data }) => [setMembership(setNames.done('hearing', String(data.year)), data.unitId)];

const ledgerFiled: Handled<'reports.LedgerFiled.v1'> = ({ data }) => [setMembership(setNames.done('ledgerFiling', data.month), postMember(data.unitId, data.person.personId))];

const rectificationOpened: Handled<'reports.RectificationOpened.v1'> = ({ data }) => {
  const dueAt = endOfDay(data.dueDate);
  return [
    setState(deadlineStateKey('rectification', data.unitId, data.rectificationId), { done: false, dueAt }),
    putDue(dueOf('rectification', data.unitId, data.rectificationId, data.rectificationId, dueAt, titleOf('rectification', data.rectificationId, data.action), secretaryOf(data.unitId))),
  ];
};
const rectificationClosed: Handled<'reports.RectificationClosed.v1'> = ({ data }) => [setState(deadlineStateKey('rectification', data.unitId, data.rectificationId), { done: true })];
const rectificationReopened: Handled<'reports.RectificationReopened.v1'> = ({ data }) => [setState(deadlineStateKey('rectification', data.unitId, data.rectificationId), { done: false })];

/** Each time node of a key task is a deadline of the person responsible; the task's state says whether progress met it. */
const keyTaskAdded: Handled<'reports.KeyTaskAdded.v1'> = ({ data }) => [
  setState(deadlineStateKey('keyTaskMilestone', data.unitId, data.taskId), { closed: false, title: data.title }),
  ...data.milestones.map((milestone, index) =>
    putDue(
      dueOf('keyTaskMilestone', data.unitId, `${data.taskId}#${index + 1}`, data.taskId, endOfDay(milestone.date), titleOf('keyTaskMilestone', '', `${data.title}：${milestone.text}`), {
        unitId: data.unitId,
        personId: data.responsible.personId,
        role: 'unit_staff',
      }),
    ),
  ),
];
const keyTaskProgressed: Handled<'reports.KeyTaskProgressed.v1'> = (event) => [setState(deadlineStateKey('keyTaskMilestone', event.data.unitId, event.data.taskId), { lastProgressDate: cstDate(new Date(event.time)) })];
const keyTaskClosed: Handled<'reports.KeyTaskClosed.v1'> = ({ data }) => [setState(deadlineStateKey('keyTaskMilestone', data.unitId, data.taskId), { closed: true })];

export const deadlineTrackingEffects = {
  'reports.AnnualReportSubmitted.v1': submitted,
  'reports.AnnualReportAccepted.v1': accepted,
  'reports.AnnualReportReturned.v1': returned,
  'reports.AnnualReportReopened.v1': reopened,
  'reports.HearingScheduled.v1': hearingScheduled,
  'reports.LedgerFiled.v1': ledgerFiled,
  'reports.RectificationOpened.v1': rectificationOpened,
  'reports.RectificationClosed.v1': rectificationClosed,
  'reports.RectificationReopened.v1': rectificationReopened,
  'reports.KeyTaskAdded.v1': keyTaskAdded,
  'reports.KeyTaskProgressed.v1': keyTaskProgressed,
  'reports.KeyTaskClosed.v1': keyTaskClosed,
};
