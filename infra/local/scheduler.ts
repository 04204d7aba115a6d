/**
 * The local stand-in for EventBridge Scheduler: fires each `schedule` trigger when its cron matches
 * the current minute in the trigger's time zone, with the input Scheduler would send
 * (`{ scheduledTime }`). `fire` runs one at a chosen moment, for `npm run schedule`.
 */
import { qualifiedName, triggersOf, type ServiceManifest } from '#shared/manifest.js';
import type { LocalFunction } from './functions.js';

const monthNames = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const dayNames = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

const fieldMatches = (field: string, value: number, names: readonly string[] = [], base = 0): boolean => {
  if (field === '*' || field === '?') return true;
  return field.split(',').some((part) => {
    const [range, stepText] = part.split('/');
    const step = stepText ? Number(stepText) : 1;
    const toNumber = (s: string) => {
      const named = names.indexOf(s.toUpperCase());
      return named >= 0 ? named + base : Number(s);
    };
    let low: number;
    let high: number;
    if (range === '*') [low, high] = [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
    else if (range!.includes('-')) [low, high] = range!.split('-').map(toNumber) as [number, number];
    else [low, high] = stepText ? [toNumber(range!), Number.POSITIVE_INFINITY] : [toNumber(range!), toNumber(range!)];
    if (value < low || value > high) return false;
    return range === '*' ? value % step === 0 : (value - low) % step === 0;
  });
};

/** The wall-clock fields of a moment in a time zone. */
export const zonedParts = (at: Date, timeZone: string) => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    minute: Number(parts.minute),
    hour: Number(parts.hour),
    day: Number(parts.day),
    month: Number(parts.month),
    year: Number(parts.year),
    weekday: dayNames.indexOf(String(parts.weekday).toUpperCase().slice(0, 3)) + 1,
  };
};

/**
 * Whether a six-field EventBridge cron (minutes hours day-of-month month day-of-week year) matches
 * the minute of `at` in `timeZone`. Day of week runs 1 (Sunday) to 7, as in EventBridge.
 * https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html#cron-based
 */
export const cronMatches = (cron: string, at: Date, timeZone: string): boolean => {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 6) throw new Error(`A cron expression has six fields: ${cron}`);
  const [minutes, hours, dom, month, dow, year] = fields as [string, string, string, string, string, string];
  const p = zonedParts(at, timeZone);
  return (
    fieldMatches(minutes, p.minute) &&
    fieldMatches(hours, p.hour) &&
    fieldMatches(dom, p.day) &&
    fieldMatches(month, p.month, monthNames, 1) &&
    fieldMatches(dow, p.weekday, dayNames, 1) &&
    fieldMatches(year, p.year)
  );
};

export interface Scheduler {
  /** Fires a scheduled function as if its schedule came due at `at`. */
  fire(functionName: string, at: Date): Promise<unknown>;
  stop(): void;
}

export const startScheduler = (options: {
  services: readonly ServiceManifest[];
  functions: ReadonlyMap<string, LocalFunction>;
  log: (line: string) => void;
}): Scheduler => {
  const scheduled = options.services.flatMap((service) =>
    triggersOf(service, 'schedule').map(({ functionName, trigger }) => ({
      service: service.name,
      functionName,
      trigger,
      fn: options.functions.get(qualifiedName(service.name, functionName))!,
    })),
  );
  const invoke = (fn: LocalFunction, at: Date) => fn.invoke({ scheduledTime: at.toISOString() });

  let lastMinute = Math.floor(Date.now() / 60_000);
  const timer = setInterval(() => {
    const minute = Math.floor(Date.now() / 60_000);
    if (minute === lastMinute) return;
    lastMinute = minute;
    const at = new Date(minute * 60_000);
    for (const s of scheduled) {
      if (cronMatches(s.trigger.cron, at, s.trigger.timeZone)) {
        invoke(s.fn, at).catch((error: unknown) => options.log(`${s.fn.qualifiedName}: scheduled run failed (${(error as Error).message})`));
      }
    }
  }, 1_000);
  timer.unref();

  return {
    fire: async (name, at) => {
      const match = scheduled.find((s) => s.fn.qualifiedName === name || s.functionName === name);
      if (!match) {
        throw new Error(`No scheduled function ${name}; known: ${scheduled.map((s) => s.fn.qualifiedName).join(', ')}`);
      }
      if (Number.isNaN(at.getTime())) throw new Error('The time given with --at is not a valid ISO 8601 time');
      return { function: match.fn.qualifiedName, scheduledTime: at.toISOString(), result: await invoke(match.fn, at) };
    },
    stop: () => clearInterval(timer),
  };
};
