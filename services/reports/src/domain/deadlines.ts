/**
 * The deadline engine's rules: when a deadline falls, what a run does about it on its day (remind
 * at an offset, escalate on the first day overdue and weekly after), who is told, and the ids that
 * make every reminder and escalation happen once. Pure functions; days are calendar days in China
 * Standard Time, the dates the users read.
 */
import { createHash } from 'node:crypto';
import { cstDate } from '#events/envelope.js';
import type { DeadlineKind, DeadlineRef, Recipient } from '#events/reports/parts.js';

/** The deadlines the calendar holds per year; the others follow from their records. */
export type CalendarKind = 'annualReport' | 'hearing';
export const calendarKinds: readonly CalendarKind[] = ['annualReport', 'hearing'];

/**
 * The seed texts' dates: the report on year Y by 31 January of Y+1, the hearings by 31 March, both at
 * 23:59:59 CST. `annualReportDue` (`MM-DDThh:mm:ss`, the `ANNUAL_REPORT_DUE` setting) moves the
 * report's default.
 */
export const defaultDueAt = (kind: CalendarKind, year: number, annualReportDue = '01-31T23:59:59'): string =>
  `${year + 1}-${kind === 'annualReport' ? annualReportDue : '03-31T23:59:59'}+08:00`;

/** When a calendar deadline falls: the date an admin moved it to, else the default. */
export const calendarDueAt = (
  changes: ReadonlyArray<{ readonly year: number; readonly deadlineKind: CalendarKind; readonly dueAt: string }>,
  kind: CalendarKind,
  year: number,
  annualReportDue?: string,
): string => changes.find((c) => c.year === year && c.deadlineKind === kind)?.dueAt ?? defaultDueAt(kind, year, annualReportDue);

/** A month's ledger filing (`YYYY-MM`) is due on its last day, 23:59:59 CST. */
export const ledgerDueAt = (month: string): string => {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return `${month}-${String(lastDay).padStart(2, '0')}T23:59:59+08:00`;
};

/** Whole calendar days from one CST date (`YYYY-MM-DD`) to another; negative when `to` is earlier. */
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The CST date `days` after `date` (`YYYY-MM-DD`). */
export const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** What a run does about one deadline on its day. */
export type Plan =
  | { readonly action: 'remind'; readonly offsetDays: number }
  | { readonly action: 'escalate'; readonly round: number; readonly daysOverdue: number }
  | { readonly action: 'none' };

/** How often the engine acts: the reminder offsets in days before the due day, and the escalation rounds' cap. */
export interface EngineRules {
  readonly offsets: readonly number[];
  /** Escalation repeats every 7 days until each unit is done, at most this many rounds. */
  readonly maxRounds: number;
}

/** Days between escalation rounds. */
export const escalationIntervalDays = 7;

/**
 * The plan of a deadline due at `dueAt` for the run of `runAt`: a reminder when the days left are
 * one of the offsets (0 on the due day); round 1 of escalation on the first day overdue, round n
 * 7 × (n − 1) days later; nothing on the other days.
 */
export const planOf = (dueAt: string, runAt: Date, rules: EngineRules): Plan => {
  const daysLeft = daysBetween(cstDate(runAt), cstDate(new Date(dueAt)));
  if (daysLeft >= 0) return rules.offsets.includes(daysLeft) ? { action: 'remind', offsetDays: daysLeft } : { action: 'none' };
  const daysOverdue = -daysLeft;
  const round = (daysOverdue - 1) / escalationIntervalDays + 1;
  return Number.isInteger(round) && round <= rules.maxRounds ? { action: 'escalate', round, daysOverdue } : { action: 'none' };
};

/** The due days a run of `today` acts on: those `offset` days ahead, and those whose escalation round falls today. */
export const dueDatesActedOn = (today: string, rules: EngineRules): { reminders: string[]; escalations: string[] } => ({
  reminders: [...new Set(rules.offsets)].map((offset) => addDays(today, offset)),
  escalations: Array.from({ length: rules.maxRounds }, (_, i) => addDays(today, -1 - i * escalationIntervalDays)),
});

const digest = (parts: readonly (string | number | null)[]): string => createHash('sha256').update(parts.map((p) => String(p ?? '')).join('\u001f')).digest('hex');

/** A UUID-shaped id (version 8, RFC 9562) made from a hash: the same parts give the same id. */
const uuidOf = (hex: string): string => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;

/**
 * A reminder's identity: (recipient, deadline, offset). The deadline includes its due time, so a
 * deadline the calendar moves is a new deadline and its reminders go out again at their offsets.
 */
export const reminderIdOf = (recipient: Recipient, deadline: DeadlineRef, offsetDays: number): string =>
  uuidOf(digest(['reminder', recipient.unitId, recipient.personId, recipient.role, deadline.kind, deadline.subject, deadline.unitId, deadline.dueAt, offsetDays]));

/**
 * An escalation's identity: the overseer told, the deadline (kind, subject, due time) and the round;
 * and, for a single record's deadline, its unit (two units' reopened reports share kind, subject and
 * maybe due time, and each is escalated on its own).
 */
export const escalationIdOf = (overseerUnitId: string, to: 'upperCommittee' | 'disciplineCommission', kind: DeadlineKind, subject: string, dueAt: string, round: number, recordUnitId: string | null = null, chunk = 0): string =>
  uuidOf(digest(['escalation', overseerUnitId, to, kind, subject, dueAt, round, recordUnitId, chunk]));

/** `items` in runs of at most `size`, in order. */
export const chunksOf = <T>(items: readonly T[], size: number): T[][] => {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
};

/**
 * Packs entries into groups whose weights add up to at most `limit` (an entry heavier than the limit
 * alone in its group), in order: the parts of a decision, each within DynamoDB's 400 KB an item.
 */
export const packed = <T>(entries: readonly T[], weightOf: (entry: T) => number, limit: number): T[][] => {
  const groups: T[][] = [];
  let current: T[] = [];
  let weight = 0;
  for (const entry of entries) {
    const w = weightOf(entry);
    if (current.length > 0 && weight + w > limit) {
      groups.push(current);
      current = [];
      weight = 0;
    }
    current.push(entry);
    weight += w;
  }
  if (current.length > 0) groups.push(current);
  return groups;
};

/** The CST date a reminder or an escalation belongs to: the due date less the offset, or the round's day after it. */
export const dayOfAction = (dueAt: string, action: { readonly offsetDays: number } | { readonly round: number }): string => {
  const due = cstDate(new Date(dueAt));
  return 'offsetDays' in action ? addDays(due, -action.offsetDays) : addDays(due, 1 + escalationIntervalDays * (action.round - 1));
};

/** The id of an event made once for a reminder or an escalation (its outbox item then exists only once). */
export const eventIdOf = (what: string, id: string): string => uuidOf(digest(['event', what, id]));

/** The shard of a member of a large set (a unit id, `unit|person`): FNV-1a, so that every process agrees. */
export const shardOf = (member: string, shards: number): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < member.length; i++) {
    hash ^= member.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % shards;
};

/** The members of `expected` not in `done` nor in `excluded`, in the order of `expected`. */
export const pendingOf = (expected: Iterable<string>, done: ReadonlySet<string>, excluded: ReadonlySet<string> = new Set()): string[] => {
  const pending: string[] = [];
  for (const member of expected) if (!done.has(member) && !excluded.has(member)) pending.push(member);
  return pending;
};

/** Whether a unit owed a deadline: it existed when the deadline fell (a unit of unknown age did). */
export const owedBy = (registeredAt: string | undefined, dueAt: string): boolean => registeredAt === undefined || Date.parse(registeredAt) <= Date.parse(dueAt);

/** Who oversees a unit: its upper level's committee and its discipline body; a root unit has none. */
export const overseersOf = (ancestorIds: readonly string[]): Array<{ unitId: string; to: 'upperCommittee' | 'disciplineCommission' }> => {
  const upper = ancestorIds[ancestorIds.length - 1];
  return upper === undefined ? [] : [{ unitId: upper, to: 'upperCommittee' }, { unitId: upper, to: 'disciplineCommission' }];
};

/** The role at the overseeing unit whose people read an escalation. */
export const overseerRole = (to: 'upperCommittee' | 'disciplineCommission'): Recipient['role'] => (to === 'upperCommittee' ? 'unit_secretary' : 'discipline_inspector');

/** Whether a key task's time node is met: the task is closed, or progress was reported no earlier than `windowDays` before the node. */
export const milestoneMet = (milestoneDate: string, state: { readonly closed?: boolean; readonly lastProgressDate?: string }, windowDays: number): boolean =>
  state.closed === true || (state.lastProgressDate !== undefined && state.lastProgressDate >= addDays(milestoneDate, -windowDays));
