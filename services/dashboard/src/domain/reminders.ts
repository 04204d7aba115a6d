/**
 * The deadline engine's reminders and escalations as the dashboard sees them, per unit: the
 * reminders its people got, the deliveries that failed, and whether it is escalated now.
 *
 * Every event is kept as one fact under its own identity (a reminder's id; a failed delivery's
 * reminder and channel; an escalation's id), never as a counter: a redelivery, or a replay of the
 * topic after the inbox has forgotten the event, writes the same fact again, and every count is a
 * count of distinct facts. Whether a unit is escalated depends on the day it is asked, so it is
 * reckoned when read, never stored.
 */
import type { DeadlineEscalatedV1, DeliveryFailedV1, ReminderSentV1 } from '#events/index.js';
import type { DeadlineKind, DeadlineRef } from '#events/reports/parts.js';
import type { ReminderOverview, ReminderStatusFilter, UnitReminders } from '../schemas.js';

/** The events of the deadline engine that the dashboard keeps. */
export type DeadlineEvent = ReminderSentV1 | DeliveryFailedV1 | DeadlineEscalatedV1;

/** A reminder of one deadline that went to one recipient, counted for the recipient's unit. */
export interface ReminderFact {
  readonly kind: 'reminder';
  readonly reminderId: string;
  /** The recipient's unit. */
  readonly unitId: string;
  readonly deadline: DeadlineRef;
  readonly offsetDays: number;
  readonly runAt: string;
}

/** A channel through which a reminder could not be delivered after its retries. */
export interface DeliveryFailureFact {
  readonly kind: 'deliveryFailure';
  readonly reminderId: string;
  /** The recipient's unit. */
  readonly unitId: string;
  readonly channel: DeliveryFailedV1['data']['channel'];
  readonly provider: string;
  readonly attempts: number;
  readonly reason: string;
  readonly runAt: string;
}

/** A round of escalation: the overdue units of a deadline, told to the unit that oversees them. */
export interface EscalationFact {
  readonly kind: 'escalation';
  readonly escalationId: string;
  readonly overseerId: string;
  readonly to: DeadlineEscalatedV1['data']['to'];
  readonly deadlineKind: DeadlineKind;
  readonly round: number;
  readonly runAt: string;
  readonly overdue: ReadonlyArray<{ readonly unitName: string; readonly deadline: DeadlineRef; readonly daysOverdue: number }>;
}

export type DeadlineFact = ReminderFact | DeliveryFailureFact | EscalationFact;

/** The fact an event records. */
export const factOf = (event: DeadlineEvent): DeadlineFact => {
  switch (event.type) {
    case 'reports.ReminderSent.v1': {
      const { reminderId, deadline, offsetDays, recipient, runAt } = event.data;
      return { kind: 'reminder', reminderId, unitId: recipient.unitId, deadline, offsetDays, runAt };
    }
    case 'reports.DeliveryFailed.v1': {
      const { reminderId, recipient, channel, provider, attempts, reason, runAt } = event.data;
      return { kind: 'deliveryFailure', reminderId, unitId: recipient.unitId, channel, provider, attempts, reason, runAt };
    }
    case 'reports.DeadlineEscalated.v1': {
      const { escalationId, unitId, to, kind, round, overdue, runAt } = event.data;
      return { kind: 'escalation', escalationId, overseerId: unitId, to, deadlineKind: kind, round, runAt, overdue };
    }
    default: {
      const unknown: never = event;
      throw new Error(`Unknown deadline event ${JSON.stringify(unknown)}`);
    }
  }
};

/**
 * What makes two facts the same: the same reminder; the same reminder failing on the same channel;
 * the same escalation. The store keeps one fact per identity (the item's sort key), led by the
 * unit where the fact is a unit's.
 */
export const identityOf = (fact: DeadlineFact): string => {
  switch (fact.kind) {
    case 'reminder':
      return `UNIT#${fact.unitId}#REMINDER#${fact.reminderId}`;
    case 'deliveryFailure':
      return `UNIT#${fact.unitId}#FAILURE#${fact.reminderId}#${fact.channel}`;
    case 'escalation':
      return `ESCALATION#${fact.escalationId}`;
    default: {
      const unknown: never = fact;
      throw new Error(`Unknown deadline fact ${JSON.stringify(unknown)}`);
    }
  }
};

/** What the summary of a subtree is asked for: one kind of deadline, or all; the units to keep. */
export interface ReminderFilter {
  readonly kind?: DeadlineKind | undefined;
  readonly status?: ReminderStatusFilter | undefined;
}

/** One round that named a unit overdue. */
interface Named {
  readonly unitId: string;
  readonly round: number;
  readonly at: string;
  readonly deadline: DeadlineRef;
  readonly daysOverdue: number;
}

const dayMs = 86_400_000;

/** The item whose `at` is the latest instant (offsets taken into account), ties going to the first of `order`. */
const latest = <T>(items: readonly T[], at: (item: T) => string, order: (a: T, b: T) => number): T | null =>
  items.reduce<T | null>((best, item) => {
    if (best === null) return item;
    const delta = Date.parse(at(item)) - Date.parse(at(best));
    return delta > 0 || (delta === 0 && order(item, best) < 0) ? item : best;
  }, null);

const groupBy = <T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
};

/**
 * Whether the round of `at` still stands on `now`: the engine repeats a round every week until the
 * unit is done, so a round older than `lapseDays` means the unit is no longer overdue.
 */
export const escalationStands = (at: string, now: Date, lapseDays: number): boolean => now.getTime() - Date.parse(at) < lapseDays * dayMs;

/** Whether a unit's row is one the status filter keeps. */
const kept = (row: UnitReminders, status: ReminderStatusFilter | undefined): boolean => {
  switch (status) {
    case undefined:
      return true;
    case 'escalated':
      return row.escalation !== null;
    case 'reminded':
      return row.reminders.count > 0;
    case 'failed':
      return row.deliveryFailures.count > 0;
    default: {
      const unknown: never = status;
      throw new Error(`Unknown reminder status ${JSON.stringify(unknown)}`);
    }
  }
};

/**
 * The reminders, failed deliveries and escalation of each unit, in the order given, from the facts
 * held (each counted once, whatever number of times it was written). With `kind`, only deadlines
 * of that kind count; a failed delivery is of its reminder's kind, so one whose reminder is not
 * known yet counts only when no kind is asked. A unit is escalated while the last round that named
 * it stands on `now` ({@link escalationStands}). `totals` are of every unit given; `units` those
 * that `status` keeps.
 *
 * @example
 * ```ts
 * import { remindersOverview } from './reminders.js';
 *
 * const overview = remindersOverview([{ id: 'u', name: '北湖县' }], [], { status: 'escalated' }, new Date(), 8);
 * // overview.totals.units === 1, overview.units is empty: nothing named the unit.
 * ```
 */
export const remindersOverview = (
  units: ReadonlyArray<{ readonly id: string; readonly name: string }>,
  facts: readonly DeadlineFact[],
  filter: ReminderFilter,
  now: Date,
  lapseDays: number,
): ReminderOverview => {
  const distinct = [...new Map(facts.map((f) => [identityOf(f), f])).values()];
  const ofKind = (kind: DeadlineKind | undefined) => filter.kind === undefined || kind === filter.kind;

  const reminders = distinct.filter((f): f is ReminderFact => f.kind === 'reminder');
  const kindOfReminder = new Map(reminders.map((r) => [r.reminderId, r.deadline.kind]));
  const remindersOf = groupBy(
    reminders.filter((r) => ofKind(r.deadline.kind)),
    (r) => r.unitId,
  );
  const failuresOf = groupBy(
    distinct.filter((f): f is DeliveryFailureFact => f.kind === 'deliveryFailure' && (filter.kind === undefined || kindOfReminder.get(f.reminderId) === filter.kind)),
    (f) => f.unitId,
  );
  const namedOf = groupBy(
    distinct.flatMap((f): Named[] =>
      f.kind === 'escalation' ? f.overdue.filter((o) => ofKind(o.deadline.kind)).map((o) => ({ unitId: o.deadline.unitId, round: f.round, at: f.runAt, deadline: o.deadline, daysOverdue: o.daysOverdue })) : [],
    ),
    (n) => n.unitId,
  );

  const rows = units.map((unit): UnitReminders => {
    const got = remindersOf.get(unit.id) ?? [];
    const failed = failuresOf.get(unit.id) ?? [];
    // The closest to the deadline first among reminders of one run.
    const lastReminder = latest(got, (r) => r.runAt, (a, b) => a.offsetDays - b.offsetDays || a.reminderId.localeCompare(b.reminderId));
    const lastFailure = latest(failed, (f) => f.runAt, (a, b) => a.reminderId.localeCompare(b.reminderId) || a.channel.localeCompare(b.channel));
    // The higher round first among rounds of one run, then the longer overdue.
    const lastNamed = latest(namedOf.get(unit.id) ?? [], (n) => n.at, (a, b) => b.round - a.round || b.daysOverdue - a.daysOverdue);
    return {
      unitId: unit.id,
      unitName: unit.name,
      reminders: {
        count: got.length,
        last: lastReminder && {
          kind: lastReminder.deadline.kind,
          subject: lastReminder.deadline.subject,
          dueAt: lastReminder.deadline.dueAt,
          offsetDays: lastReminder.offsetDays,
          runAt: lastReminder.runAt,
        },
      },
      deliveryFailures: { count: failed.length, last: lastFailure && { channel: lastFailure.channel, reason: lastFailure.reason, at: lastFailure.runAt } },
      escalation:
        lastNamed && escalationStands(lastNamed.at, now, lapseDays)
          ? {
              round: lastNamed.round,
              at: lastNamed.at,
              kind: lastNamed.deadline.kind,
              subject: lastNamed.deadline.subject,
              dueAt: lastNamed.deadline.dueAt,
              daysOverdue: lastNamed.daysOverdue,
            }
          : null,
    };
  });

  const sum = (count: (row: UnitReminders) => number) => rows.reduce((total, row) => total + count(row), 0);
  return {
    totals: {
      units: rows.length,
      reminded: rows.filter((r) => r.reminders.count > 0).length,
      reminders: sum((r) => r.reminders.count),
      failed: rows.filter((r) => r.deliveryFailures.count > 0).length,
      deliveryFailures: sum((r) => r.deliveryFailures.count),
      escalated: rows.filter((r) => r.escalation !== null).length,
    },
    units: rows.filter((r) => kept(r, filter.status)),
  };
};
