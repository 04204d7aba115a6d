/**
 * The deadline calendar: the seed texts' dates unless an admin moved one for a year (the Spring
 * Festival covers 31 January, say). A move is an event, and what decides on reports (late or not,
 * locked or not) and the next reminder run read the calendar as it stands.
 */
import type { Caller } from '#shared/auth/claims.js';
import { reachesWholeTree } from '#shared/auth/reach.js';
import { ForbiddenError, RuleError } from '#shared/errors.js';
import { toCstIso, type Causation } from '#events/envelope.js';
import { actorOf } from '#events/people.js';
import { calendarKey, calendarChangesOf, getCalendarChange, type CalendarChange } from '../adapters/deadlineRepository.js';
import { store } from '../adapters/reportRepository.js';
import { calendarDueAt, calendarKinds, defaultDueAt, type CalendarKind } from '../domain/deadlines.js';
import { reportsConfig } from '../config.js';
import { reportsEvent } from './events.js';

/** The event key of a change that holds for every unit: the calendar is nobody's unit. */
export const calendarEventKey = 'calendar';

/** When a deadline of the calendar falls for every unit, as it stands. */
export const dueAtOf = async (kind: CalendarKind, year: number): Promise<Date> => {
  const change = await getCalendarChange(year, kind);
  return new Date(calendarDueAt(change ? [change] : [], kind, year, reportsConfig().annualReportDue));
};

/** The calendar of a year: each deadline, whether it is the default, and why it moved. */
export const viewCalendar = async (year: number) => {
  const changes = await calendarChangesOf(year);
  return {
    year,
    deadlines: calendarKinds.map((kind) => {
      const change = changes.find((c) => c.deadlineKind === kind);
      const { annualReportDue } = reportsConfig();
      return {
        kind,
        dueAt: toCstIso(new Date(calendarDueAt(changes, kind, year, annualReportDue))),
        defaultDueAt: defaultDueAt(kind, year, annualReportDue),
        moved: change ? { reason: change.reason, previousDueAt: change.previousDueAt, changedAt: change.changedAt, changedBy: change.changedBy } : null,
      };
    }),
  };
};

/**
 * Moves a deadline of the year for every unit. Only an admin of the whole tree may; the new date
 * lies in the year after the reported year (when reports and hearings fall), is still to come (a date
 * already past would make every pending unit overdue at once) and differs from the current one.
 */
export const moveDeadline = async (caller: Caller, year: number, kind: CalendarKind, input: { dueAt: Date; reason: string }, now: Date, cause: Causation) => {
  if (!reachesWholeTree(caller)) throw new ForbiddenError('Only an admin of the whole tree moves the calendar');
  const current = await getCalendarChange(year, kind);
  const previousDueAt = toCstIso(new Date(calendarDueAt(current ? [current] : [], kind, year, reportsConfig().annualReportDue)));
  const dueAt = toCstIso(input.dueAt);
  if (!dueAt.startsWith(`${year + 1}-`)) throw new RuleError('The date is outside the year after the reported year', [{ path: 'dueAt', message: `${year}年度的截止时间须在${year + 1}年内` }]);
  if (input.dueAt.getTime() <= now.getTime()) throw new RuleError('The date has passed', [{ path: 'dueAt', message: '新的截止时间须晚于当前时间' }]);
  if (input.dueAt.getTime() === new Date(previousDueAt).getTime()) throw new RuleError('The date is the current one', [{ path: 'dueAt', message: '新的截止时间与现行时间相同' }]);
  const change: CalendarChange = { deadlineKind: kind, year, dueAt, previousDueAt, reason: input.reason, changedAt: toCstIso(now), changedBy: caller.subject, revision: (current?.revision ?? 0) + 1 };
  const event = reportsEvent(
    'reports.DeadlineCalendarChanged.v1',
    { subject: `calendar/${year}/${kind}`, unitId: calendarEventKey, version: change.revision },
    { year, kind, unitId: null, dueAt, previousDueAt, reason: input.reason, actor: actorOf(caller) },
    cause,
    now,
  );
  await store.writeWithEvents(
    [{ item: { ...calendarKey(year, kind), kind: 'calendar', ...change }, expect: current ? { revision: current.revision } : 'absent', what: 'The calendar' }],
    [event],
    now,
    'The calendar was changed by someone else; reload and try again',
  );
  return viewCalendar(year);
};
