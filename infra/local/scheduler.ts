/**
 * The local stand-in for EventBridge Scheduler: fires each `schedule` trigger when its expression
 * comes due in the trigger's time zone, with the input Scheduler would send (`{ scheduledTime }`).
 * `fire` runs one at a chosen moment, for `npm run schedule`.
 *
 * Expressions follow Scheduler's dialect exactly
 * (https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html, wildcards as in
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html): six cron
 * fields with `, - * / ? L W #`, month and weekday names and the year, plus `rate(...)` and `at(...)`.
 * Anything outside the dialect is refused when the scheduler starts, never silently never fired.
 * Why the parser is our own and not a library: docs/adr/0008-jwt-check-and-cron-dialect.md.
 */
import { qualifiedName, triggersOf, type ServiceManifest } from '#shared/manifest.js';
import type { LocalFunction } from './functions.js';

/** A schedule expression outside EventBridge Scheduler's dialect; the message says what is wrong. */
export class ScheduleExpressionError extends Error {
  override readonly name = 'ScheduleExpressionError';
}

const monthNames = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;
const dayNames = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;

interface FieldSpec {
  readonly label: string;
  readonly min: number;
  readonly max: number;
  /** Names of the values from `min` up, e.g. JAN for 1. */
  readonly names?: readonly string[];
  /** Whether the field takes `/` increments (every field but day-of-week). */
  readonly steps: boolean;
}

const minutesField: FieldSpec = { label: 'minutes', min: 0, max: 59, steps: true };
const hoursField: FieldSpec = { label: 'hours', min: 0, max: 23, steps: true };
const dayOfMonthField: FieldSpec = { label: 'day-of-month', min: 1, max: 31, steps: true };
const monthField: FieldSpec = { label: 'month', min: 1, max: 12, names: monthNames, steps: true };
const dayOfWeekField: FieldSpec = { label: 'day-of-week', min: 1, max: 7, names: dayNames, steps: false };
const yearField: FieldSpec = { label: 'year', min: 1970, max: 2199, steps: true };

/** Which days of the month a cron fires on: from day-of-month or, when that is `?`, from day-of-week. */
export type DayRule =
  | { readonly kind: 'daysOfMonth'; readonly days: ReadonlySet<number> }
  /** `L` in day-of-month. */
  | { readonly kind: 'lastDayOfMonth' }
  /** `LW`: the last weekday (Monday to Friday) of the month. */
  | { readonly kind: 'lastWeekdayOfMonth' }
  /** `nW`: the weekday nearest to day n, without leaving the month. */
  | { readonly kind: 'nearestWeekday'; readonly day: number }
  /** A set of weekdays, 1 (Sunday) to 7 (Saturday); `L` alone is 7, the last day of the week. */
  | { readonly kind: 'daysOfWeek'; readonly days: ReadonlySet<number> }
  /** `nL`: the last weekday n of the month, e.g. `6L` the last Friday. */
  | { readonly kind: 'lastWeekdayInMonth'; readonly weekday: number }
  /** `n#k`: the k-th weekday n of the month, e.g. `MON#1`. */
  | { readonly kind: 'nthWeekdayInMonth'; readonly weekday: number; readonly nth: number };

/** A parsed and validated six-field cron expression. */
export interface Cron {
  readonly minutes: ReadonlySet<number>;
  readonly hours: ReadonlySet<number>;
  readonly months: ReadonlySet<number>;
  readonly years: ReadonlySet<number>;
  readonly day: DayRule;
}

function fail(message: string): never {
  throw new ScheduleExpressionError(message);
}

const describeRange = (spec: FieldSpec): string =>
  `${spec.min}-${spec.max}${spec.names ? ` or ${spec.names[0]}-${spec.names[spec.names.length - 1]}` : ''}`;

/** One value of a field: a decimal number in range or, where the field has them, a name (any case). */
const parseValue = (token: string, spec: FieldSpec): number => {
  if (/^\d+$/.test(token)) {
    const value = Number(token);
    if (value < spec.min || value > spec.max) fail(`${spec.label} ${token} is out of range (${describeRange(spec)})`);
    return value;
  }
  const named = spec.names?.indexOf(token.toUpperCase()) ?? -1;
  if (named < 0) fail(`"${token}" is not a ${spec.label} value (${describeRange(spec)})`);
  return spec.min + named;
};

/** A list of items, each `*`, a value, or a range `a-b`, any of them optionally with an increment `/n`. */
const parseSet = (text: string, spec: FieldSpec): Set<number> => {
  const values = new Set<number>();
  for (const item of text.split(',')) {
    const [range = '', increment, extra] = item.split('/');
    if (range === '' || extra !== undefined) fail(`"${item}" is not a ${spec.label} item`);
    if (increment !== undefined && !spec.steps) fail(`${spec.label} takes no "/" increment ("${item}")`);
    if (increment !== undefined && !/^[1-9]\d*$/.test(increment)) fail(`the increment in "${item}" is not a positive whole number`);
    let low = spec.min;
    let high = spec.max;
    if (range !== '*') {
      const bounds = range.split('-');
      if (bounds.length > 2) fail(`"${item}" is not a ${spec.label} range`);
      low = parseValue(bounds[0]!, spec);
      high = bounds.length === 2 ? parseValue(bounds[1]!, spec) : increment === undefined ? low : spec.max;
      if (low > high) fail(`the ${spec.label} range "${range}" runs backwards; write it as a list`);
    }
    for (let value = low; value <= high; value += increment === undefined ? 1 : Number(increment)) values.add(value);
  }
  return values;
};

const parseDayOfMonth = (text: string): DayRule | undefined => {
  if (text === '?') return undefined;
  if (text === 'L') return { kind: 'lastDayOfMonth' };
  if (text === 'LW') return { kind: 'lastWeekdayOfMonth' };
  const nearest = /^(\d+)W$/.exec(text);
  if (nearest) return { kind: 'nearestWeekday', day: parseValue(nearest[1]!, dayOfMonthField) };
  if (text.includes('#')) fail(`"#" belongs to day-of-week, not day-of-month ("${text}")`);
  if (/[?LW]/.test(text)) fail(`in day-of-month, "?", "L", "LW" and "nW" each stand alone, without lists, ranges or increments ("${text}")`);
  return { kind: 'daysOfMonth', days: parseSet(text, dayOfMonthField) };
};

const parseDayOfWeek = (text: string): DayRule | undefined => {
  if (text === '?') return undefined;
  if (text === 'L') return { kind: 'daysOfWeek', days: new Set([dayOfWeekField.max]) };
  const last = /^([0-9A-Za-z]+)L$/.exec(text);
  if (last) return { kind: 'lastWeekdayInMonth', weekday: parseValue(last[1]!, dayOfWeekField) };
  const nth = /^([0-9A-Za-z]+)#(\d+)$/.exec(text);
  if (nth) {
    const count = Number(nth[2]);
    if (count < 1 || count > 5) fail(`"${text}": a month has a first to a fifth of each weekday, not a ${nth[2]}th`);
    return { kind: 'nthWeekdayInMonth', weekday: parseValue(nth[1]!, dayOfWeekField), nth: count };
  }
  if (text.includes('#')) fail(`day-of-week holds only one "#" expression, alone ("${text}")`);
  if (text.includes('?') || /L(?=$|[,/-])/.test(text)) fail(`in day-of-week, "?", "L" and "nL" each stand alone, without lists or ranges ("${text}")`);
  return { kind: 'daysOfWeek', days: parseSet(text, dayOfWeekField) };
};

/**
 * Parses a six-field EventBridge cron expression (minutes hours day-of-month month day-of-week
 * year) and checks it against the dialect, including that exactly one of day-of-month and
 * day-of-week is `?`.
 *
 * @throws {ScheduleExpressionError} naming the field and token that are wrong.
 * @example
 * ```ts
 * import { parseCron } from '#infra/local/scheduler.js';
 *
 * const lastFridayAt18 = parseCron('0 18 ? * 6L *');
 * ```
 */
export const parseCron = (cron: string): Cron => {
  const parts = cron.trim().split(/\s+/);
  if (parts.length !== 6) {
    fail(`a cron expression has six fields (minutes hours day-of-month month day-of-week year); "${cron}" has ${parts.length}`);
  }
  const [minutes, hours, dayOfMonth, month, dayOfWeek, year] = parts as [string, string, string, string, string, string];
  const byMonth = parseDayOfMonth(dayOfMonth);
  const byWeek = parseDayOfWeek(dayOfWeek);
  if (byMonth && byWeek) fail('day-of-month and day-of-week cannot both be given: put "?" in one of them');
  const day = byMonth ?? byWeek ?? fail('one of day-of-month and day-of-week must be given; both are "?"');
  return {
    minutes: parseSet(minutes, minutesField),
    hours: parseSet(hours, hoursField),
    months: parseSet(month, monthField),
    years: parseSet(year, yearField),
    day,
  };
};

/** The wall-clock fields of a moment in a time zone; `weekday` runs 1 (Sunday) to 7, as in EventBridge. */
export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

/** The weekday of a calendar date, 1 (Sunday) to 7 (Saturday). */
const weekdayOf = (year: number, month: number, day: number): number => new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 1;

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The wall-clock fields of `at` in `timeZone` (an IANA name such as `Asia/Shanghai`). */
export const zonedParts = (at: Date, timeZone: string): WallClock => {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const [year, month, day] = [Number(parts.year), Number(parts.month), Number(parts.day)];
  return { year, month, day, hour: Number(parts.hour), minute: Number(parts.minute), weekday: weekdayOf(year, month, day) };
};

const sunday = 1;
const saturday = 7;

/** The day a `W` rule lands on: a Saturday moves to Friday and a Sunday to Monday, unless that leaves the month. */
const nearestWeekdayTo = (year: number, month: number, day: number): number => {
  const last = daysInMonth(year, month);
  const weekday = weekdayOf(year, month, day);
  if (weekday === saturday) return day > 1 ? day - 1 : day + 2;
  if (weekday === sunday) return day < last ? day + 1 : day - 2;
  return day;
};

const dayMatches = (rule: DayRule, { year, month, day, weekday }: WallClock): boolean => {
  const last = daysInMonth(year, month);
  switch (rule.kind) {
    case 'daysOfMonth':
      return rule.days.has(day);
    case 'lastDayOfMonth':
      return day === last;
    case 'lastWeekdayOfMonth':
      return day === nearestWeekdayTo(year, month, last);
    case 'nearestWeekday':
      return rule.day <= last && day === nearestWeekdayTo(year, month, rule.day);
    case 'daysOfWeek':
      return rule.days.has(weekday);
    case 'lastWeekdayInMonth':
      return weekday === rule.weekday && day + 7 > last;
    case 'nthWeekdayInMonth':
      return weekday === rule.weekday && Math.ceil(day / 7) === rule.nth;
  }
};

const wallClockMatches = (cron: Cron, wall: WallClock): boolean =>
  cron.minutes.has(wall.minute) &&
  cron.hours.has(wall.hour) &&
  cron.months.has(wall.month) &&
  cron.years.has(wall.year) &&
  dayMatches(cron.day, wall);

/**
 * Whether a six-field EventBridge cron (text or parsed) matches the minute of `at` on the wall
 * clock of `timeZone`.
 *
 * @throws {ScheduleExpressionError} when the text is outside the dialect.
 * @example
 * ```ts
 * import { cronMatches } from '#infra/local/scheduler.js';
 *
 * cronMatches('0 9 24 1 ? *', new Date('2027-01-24T01:00:00Z'), 'Asia/Shanghai'); // true
 * ```
 */
export const cronMatches = (cron: string | Cron, at: Date, timeZone: string): boolean =>
  wallClockMatches(typeof cron === 'string' ? parseCron(cron) : cron, zonedParts(at, timeZone));

/** A parsed EventBridge Scheduler expression. */
export type Schedule =
  | { readonly kind: 'cron'; readonly expression: string; readonly cron: Cron }
  /** `rate(value unit)`: every `everyMinutes` from the start; a day is 24 hours. */
  | { readonly kind: 'rate'; readonly expression: string; readonly everyMinutes: number }
  /** `at(yyyy-mm-ddThh:mm:ss)`: once, at that wall-clock minute of the schedule's time zone. */
  | { readonly kind: 'at'; readonly expression: string; readonly wallClock: string };

const minutesPer = { minute: 1, minutes: 1, hour: 60, hours: 60, day: 1440, days: 1440 } as const;

const pad = (value: number): string => String(value).padStart(2, '0');

const wallClockKey = ({ year, month, day, hour, minute }: Omit<WallClock, 'weekday'>): string =>
  `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}`;

const parseAt = (text: string): string => {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!match) fail(`"at(${text})" is not at(yyyy-mm-ddThh:mm:ss)`);
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    fail(`"at(${text})" is not a real date and time`);
  }
  return wallClockKey({ year, month, day, hour, minute });
};

/**
 * Parses an EventBridge Scheduler expression: `cron(fields)`, `rate(value unit)` with unit
 * minute(s), hour(s) or day(s), or `at(yyyy-mm-ddThh:mm:ss)`.
 *
 * @throws {ScheduleExpressionError} when the expression is outside the dialect.
 * @example
 * ```ts
 * import { parseScheduleExpression } from '#infra/local/scheduler.js';
 *
 * const everyFiveMinutes = parseScheduleExpression('rate(5 minutes)');
 * ```
 */
export const parseScheduleExpression = (expression: string): Schedule => {
  const match = /^(cron|rate|at)\((.*)\)$/.exec(expression);
  if (!match) return fail(`"${expression}" is none of cron(...), rate(...) and at(...)`);
  const [, kind, body = ''] = match;
  if (kind === 'cron') return { kind, expression, cron: parseCron(body) };
  if (kind === 'at') return { kind, expression, wallClock: parseAt(body) };
  const rate = /^([1-9]\d*) (minutes?|hours?|days?)$/.exec(body);
  if (!rate) return fail(`"${expression}" is not rate(value unit) with a positive whole value and a unit of minutes, hours or days`);
  return { kind: 'rate', expression, everyMinutes: Number(rate[1]) * minutesPer[rate[2] as keyof typeof minutesPer] };
};

/**
 * Whether a schedule comes due in the minute that starts at `minute`, evaluated in `timeZone`; a
 * rate counts from `startedAt` (Scheduler starts a rate schedule without a start date at once).
 */
export const isDue = (schedule: Schedule, minute: Date, timeZone: string, startedAt: Date): boolean => {
  switch (schedule.kind) {
    case 'cron':
      return cronMatches(schedule.cron, minute, timeZone);
    case 'at':
      return wallClockKey(zonedParts(minute, timeZone)) === schedule.wallClock;
    case 'rate': {
      const elapsed = Math.floor(minute.getTime() / 60_000) - Math.floor(startedAt.getTime() / 60_000);
      return elapsed >= 0 && elapsed % schedule.everyMinutes === 0;
    }
  }
};

/** Scheduler's control of the local schedules. */
export interface Scheduler {
  /** Fires a scheduled function as if its schedule came due at `at`. */
  fire(functionName: string, at: Date): Promise<unknown>;
  stop(): void;
}

interface Scheduled {
  readonly functionName: string;
  readonly qualifiedName: string;
  readonly timeZone: string;
  readonly schedule: Schedule;
  readonly fn: LocalFunction;
  /** The wall-clock minute it last fired at, so that an hour repeated by daylight saving time fires once. */
  lastWallClock: string;
}

/** The schedule of each `schedule` trigger; every one the local scheduler cannot honour is named in one error. */
const schedulesOf = (services: readonly ServiceManifest[], functions: ReadonlyMap<string, LocalFunction>): Scheduled[] => {
  const problems: string[] = [];
  const scheduled = services.flatMap((service) =>
    triggersOf(service, 'schedule').flatMap(({ functionName, trigger }) => {
      const name = qualifiedName(service.name, functionName);
      // The CDK app deploys `cron(<manifest cron>)` (infra/lib/service-construct.ts); judge the same text.
      const expression = `cron(${trigger.cron})`;
      try {
        const schedule = parseScheduleExpression(expression);
        formatterFor(trigger.timeZone);
        const fn = functions.get(name) ?? fail(`no function ${name} is loaded`);
        return [{ functionName, qualifiedName: name, timeZone: trigger.timeZone, schedule, fn, lastWallClock: '' }];
      } catch (error) {
        problems.push(`${name}: ${expression} in time zone "${trigger.timeZone}": ${(error as Error).message}`);
        return [];
      }
    }),
  );
  if (problems.length > 0) {
    throw new Error(`The local scheduler cannot honour these EventBridge Scheduler schedules:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  return scheduled;
};

/**
 * Starts firing the `schedule` triggers of `services` at their times. Throws at once, naming each
 * function and expression, when a schedule is outside the dialect or its time zone is unknown.
 */
export const startScheduler = (options: {
  services: readonly ServiceManifest[];
  functions: ReadonlyMap<string, LocalFunction>;
  log: (line: string) => void;
}): Scheduler => {
  const scheduled = schedulesOf(options.services, options.functions);
  const startedAt = new Date();
  const invoke = (fn: LocalFunction, at: Date) => fn.invoke({ scheduledTime: at.toISOString() });

  let lastMinute = Math.floor(Date.now() / 60_000);
  const timer = setInterval(() => {
    const minute = Math.floor(Date.now() / 60_000);
    if (minute === lastMinute) return;
    lastMinute = minute;
    const at = new Date(minute * 60_000);
    for (const s of scheduled) {
      if (!isDue(s.schedule, at, s.timeZone, startedAt)) continue;
      if (s.schedule.kind !== 'rate') {
        // When clocks go back, Scheduler runs a cron or at schedule once, not again in the repeated
        // hour (https://repost.aws/knowledge-center/eventbridge-scheduler-adjust-dst).
        const wallClock = wallClockKey(zonedParts(at, s.timeZone));
        if (wallClock <= s.lastWallClock) continue;
        s.lastWallClock = wallClock;
      }
      invoke(s.fn, at).catch((error: unknown) => options.log(`${s.qualifiedName}: scheduled run failed (${(error as Error).message})`));
    }
  }, 1_000);
  timer.unref();

  return {
    fire: async (name, at) => {
      const match = scheduled.find((s) => s.qualifiedName === name || s.functionName === name);
      if (!match) {
        throw new Error(`No scheduled function ${name}; known: ${scheduled.map((s) => s.qualifiedName).join(', ')}`);
      }
      if (Number.isNaN(at.getTime())) throw new Error('The time given with --at is not a valid ISO 8601 time');
      return { function: match.qualifiedName, scheduledTime: at.toISOString(), result: await invoke(match.fn, at) };
    },
    stop: () => clearInterval(timer),
  };
};
