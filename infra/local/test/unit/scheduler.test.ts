import { jest } from '@jest/globals';
import type { LocalFunction } from '../../functions.js';
import { services as allServices } from '#services/index.js';
import { qualifiedName, triggersOf, type FunctionSpec, type ServiceManifest } from '#shared/manifest.js';
import { cronMatches, isDue, parseCron, parseScheduleExpression, ScheduleExpressionError, startScheduler } from '../../scheduler.js';

/** A wall-clock minute in Asia/Shanghai (UTC+8 all year), as a moment. */
const shanghai = (wallClock: string): Date => new Date(`${wallClock.replace(' ', 'T')}:00+08:00`);

describe('EventBridge cron, evaluated on the Asia/Shanghai wall clock', () => {
  it.each<[string, string, string, boolean]>([
    // plain values, and the time zone
    ['a value in each field', '0 9 24 1 ? *', '2027-01-24 09:00', true],
    ['a value in each field, other minute', '0 9 24 1 ? *', '2027-01-24 09:01', false],
    ['a value in each field, read in UTC instead', '0 9 24 1 ? *', '2027-01-24 17:00', false],
    // minutes
    ['a minutes range', '10-20 * * * ? *', '2027-03-01 08:15', true],
    ['a minutes range, outside', '10-20 * * * ? *', '2027-03-01 08:21', false],
    ['a minutes list', '5,35 * * * ? *', '2027-03-01 08:35', true],
    ['a minutes list, outside', '5,35 * * * ? *', '2027-03-01 08:36', false],
    ['minutes 0/15', '0/15 * * * ? *', '2027-03-01 10:45', true],
    ['minutes 0/15, off step', '0/15 * * * ? *', '2027-03-01 10:46', false],
    ['minutes 1/10 (the AWS example: 1, 11, 21, ...)', '1/10 * * * ? *', '2027-03-01 10:21', true],
    ['minutes 1/10, off step', '1/10 * * * ? *', '2027-03-01 10:20', false],
    ['minutes */20', '*/20 * * * ? *', '2027-03-01 10:40', true],
    ['minutes */20, off step', '*/20 * * * ? *', '2027-03-01 10:50', false],
    ['minutes 10-30/10, last in range', '10-30/10 * * * ? *', '2027-03-01 10:30', true],
    ['minutes 10-30/10, past the range', '10-30/10 * * * ? *', '2027-03-01 10:40', false],
    // hours
    ['hours */6', '0 */6 * * ? *', '2027-03-01 18:00', true],
    ['hours */6, off step', '0 */6 * * ? *', '2027-03-01 19:00', false],
    ['hours range with weekdays', '0/5 8-17 ? * MON-FRI *', '2027-03-01 17:55', true],
    ['hours range with weekdays, after', '0/5 8-17 ? * MON-FRI *', '2027-03-01 18:00', false],
    // day-of-month
    ['day-of-month */2 on the 1st', '0 0 */2 * ? *', '2027-03-01 00:00', true],
    ['day-of-month */2 on the 3rd', '0 0 */2 * ? *', '2027-03-03 00:00', true],
    ['day-of-month */2 on the 31st', '0 0 */2 * ? *', '2027-03-31 00:00', true],
    ['day-of-month */2 not on the 2nd', '0 0 */2 * ? *', '2027-03-02 00:00', false],
    ['day-of-month 10/5 on the 15th', '0 0 10/5 * ? *', '2027-03-15 00:00', true],
    ['day-of-month 10/5 not on the 5th', '0 0 10/5 * ? *', '2027-03-05 00:00', false],
    ['day-of-month range', '0 0 1-7 * ? *', '2027-03-07 00:00', true],
    ['day-of-month range, after', '0 0 1-7 * ? *', '2027-03-08 00:00', false],
    ['day-of-month list', '0 0 1,15 * ? *', '2027-03-15 00:00', true],
    ['day-of-month list, other day', '0 0 1,15 * ? *', '2027-03-16 00:00', false],
    ['day-of-month 31 in a 30-day month never', '0 0 31 4 ? *', '2027-04-30 00:00', false],
    // L in day-of-month
    ['L on 28 February', '0 0 L * ? *', '2027-02-28 00:00', true],
    ['L on 29 February of a leap year', '0 0 L * ? *', '2028-02-29 00:00', true],
    ['L not on 28 February of a leap year', '0 0 L * ? *', '2028-02-28 00:00', false],
    ['L on 30 April', '0 0 L * ? *', '2027-04-30 00:00', true],
    ['L not on 29 April', '0 0 L * ? *', '2027-04-29 00:00', false],
    // W and LW
    ['15W on a weekday 15th (Monday 15 March)', '0 0 15W * ? *', '2027-03-15 00:00', true],
    ['15W moves Saturday 15 May to Friday 14', '0 0 15W * ? *', '2027-05-14 00:00', true],
    ['15W not on Saturday 15 May', '0 0 15W * ? *', '2027-05-15 00:00', false],
    ['15W moves Sunday 15 August to Monday 16', '0 0 15W * ? *', '2027-08-16 00:00', true],
    ['1W moves Saturday 1 May to Monday 3, staying in May', '0 0 1W * ? *', '2027-05-03 00:00', true],
    ['1W does not go back to Friday 30 April', '0 0 1W * ? *', '2027-04-30 00:00', false],
    ['31W moves Sunday 31 January to Friday 29', '0 0 31W * ? *', '2027-01-29 00:00', true],
    ['31W never in February', '0 0 31W * ? *', '2027-02-26 00:00', false],
    ['LW is Friday 29 January (31st a Sunday)', '0 0 LW * ? *', '2027-01-29 00:00', true],
    ['LW is not Sunday 31 January', '0 0 LW * ? *', '2027-01-31 00:00', false],
    ['LW is Friday 30 July (31st a Saturday)', '0 0 LW * ? *', '2027-07-30 00:00', true],
    ['LW is Tuesday 30 November', '0 0 LW * ? *', '2027-11-30 00:00', true],
    // month
    ['a month name', '0 0 1 JUL ? *', '2027-07-01 00:00', true],
    ['a month name, lower case', '0 0 1 jul ? *', '2027-07-01 00:00', true],
    ['a month name range', '0 0 1 JAN-MAR ? *', '2027-03-01 00:00', true],
    ['a month name range, after', '0 0 1 JAN-MAR ? *', '2027-04-01 00:00', false],
    ['a month list', '0 0 1 JAN,JUL ? *', '2027-07-01 00:00', true],
    ['months 1/3 (January, April, July, October)', '0 0 1 1/3 ? *', '2027-10-01 00:00', true],
    ['months 1/3, off step', '0 0 1 1/3 ? *', '2027-11-01 00:00', false],
    ['months FEB/6 (February and August)', '0 0 1 FEB/6 ? *', '2027-08-01 00:00', true],
    // day-of-week
    ['a weekday range by name', '0 8 ? * MON-FRI *', '2026-11-23 08:00', true],
    ['a weekday range by name, on a Sunday', '0 8 ? * MON-FRI *', '2026-11-22 08:00', false],
    ['a weekday range by number (2-6 is MON-FRI)', '0 8 ? * 2-6 *', '2026-11-27 08:00', true],
    ['a weekday list 1,7 (weekend)', '0 8 ? * 1,7 *', '2026-11-28 08:00', true],
    ['a weekday list 1,7, on a Friday', '0 8 ? * 1,7 *', '2026-11-27 08:00', false],
    ['* in day-of-week', '0 8 ? * * *', '2026-11-27 08:00', true],
    ['L alone in day-of-week is Saturday', '0 0 ? * L *', '2027-01-02 00:00', true],
    ['L alone in day-of-week, on a Sunday', '0 0 ? * L *', '2027-01-03 00:00', false],
    ['6L, the last Friday: 29 January', '0 0 ? * 6L *', '2027-01-29 00:00', true],
    ['6L, not the Friday before', '0 0 ? * 6L *', '2027-01-22 00:00', false],
    ['6L, the last Friday: 30 April, the last day', '0 0 ? * 6L *', '2027-04-30 00:00', true],
    ['FRIL, the last Friday by name', '0 0 ? * FRIL *', '2027-02-26 00:00', true],
    ['MON#1 on Monday 1 February', '0 9 ? * MON#1 *', '2027-02-01 09:00', true],
    ['MON#1 on Monday 7 June (1 June a Tuesday)', '0 9 ? * MON#1 *', '2027-06-07 09:00', true],
    ['MON#1 not on the second Monday', '0 9 ? * MON#1 *', '2027-02-08 09:00', false],
    ['2#3, the third Monday: 18 January', '0 9 ? * 2#3 *', '2027-01-18 09:00', true],
    ['2#3, not the second Monday', '0 9 ? * 2#3 *', '2027-01-11 09:00', false],
    ['3#2, the second Tuesday (the AWS example): 9 March', '0 9 ? * 3#2 *', '2027-03-09 09:00', true],
    ['6#5, a fifth Friday: 29 January', '0 0 ? * 6#5 *', '2027-01-29 00:00', true],
    // year
    ['a year', '0 0 1 2 ? 2027', '2027-02-01 00:00', true],
    ['a year, the next one', '0 0 1 2 ? 2027', '2028-02-01 00:00', false],
    ['a year range', '0 0 1 1 ? 2027-2029', '2029-01-01 00:00', true],
    ['a year list', '0 0 1 1 ? 2027,2030', '2028-01-01 00:00', false],
    ['years 2027/2', '0 0 1 1 ? 2027/2', '2029-01-01 00:00', true],
    ['years 2027/2, off step', '0 0 1 1 ? 2027/2', '2028-01-01 00:00', false],
  ])('%s: cron(%s) at %s → %s', (_case, cron, wallClock, expected) => {
    // Act
    const matches = cronMatches(cron, shanghai(wallClock), 'Asia/Shanghai');

    // Assess
    expect(matches).toBe(expected);
  });

  it.each<[string, string, string]>([
    ['five fields', '0 9 * * ?', 'six fields'],
    ['seven fields', '0 0 9 * * ? *', 'six fields'],
    ['both day-of-month and day-of-week', '0 9 1 * MON *', 'cannot both be given'],
    ['* in both day fields', '0 9 * * * *', 'cannot both be given'],
    ['? in both day fields', '0 9 ? * ? *', 'both are "?"'],
    ['L with a range', '0 0 1-L * ? *', 'stand alone'],
    ['L in a list', '0 0 L,15 * ? *', 'stand alone'],
    ['W with a range', '0 0 1-15W * ? *', 'stand alone'],
    ['nL in a list', '0 0 ? * 6L,7 *', 'stand alone'],
    ['# twice (the AWS example)', '0 0 ? * 3#1,6#3 *', 'only one "#"'],
    ['a sixth weekday of a month', '0 0 ? * MON#6 *', 'not a 6th'],
    ['# in day-of-month', '0 0 1#2 * ? *', 'belongs to day-of-week'],
    ['an increment in day-of-week', '0 0 ? * 1/2 *', 'day-of-week takes no "/"'],
    ['? in minutes', '? 9 1 * ? *', '"?" is not a minutes value'],
    ['L in hours', '0 L 1 * ? *', '"L" is not a hours value'],
    ['a misspelt weekday', '0 0 ? * MOM *', '"MOM" is not a day-of-week value'],
    ['a full month name', '0 0 1 JANUARY ? *', '"JANUARY" is not a month value'],
    ['a weekday name in month', '0 0 1 MON ? *', '"MON" is not a month value'],
    ['a month name in day-of-week', '0 0 ? * JAN *', '"JAN" is not a day-of-week value'],
    ['minute 60', '60 9 1 * ? *', 'minutes 60 is out of range'],
    ['hour 24', '0 24 1 * ? *', 'hours 24 is out of range'],
    ['day 0', '0 9 0 * ? *', 'day-of-month 0 is out of range'],
    ['day 32', '0 9 32 * ? *', 'day-of-month 32 is out of range'],
    ['month 13', '0 9 1 13 ? *', 'month 13 is out of range'],
    ['weekday 0', '0 9 ? * 0 *', 'day-of-week 0 is out of range'],
    ['weekday 8', '0 9 ? * 8 *', 'day-of-week 8 is out of range'],
    ['year 1969', '0 9 1 1 ? 1969', 'year 1969 is out of range'],
    ['year 2200', '0 9 1 1 ? 2200', 'year 2200 is out of range'],
    ['a backward range', '0 9 ? * FRI-MON *', 'runs backwards'],
    ['an increment of 0', '0/0 9 1 * ? *', 'not a positive whole number'],
    ['an empty list item', '1,,2 9 1 * ? *', 'is not a minutes item'],
    ['a hexadecimal value', '0x10 9 1 * ? *', '"0x10" is not a minutes value'],
    ['a negative value', '0 9 -1 * ? *', 'is not a day-of-month value'],
  ])('refuses %s: cron(%s)', (_case, cron, message) => {
    // Act
    const parse = (): unknown => parseCron(cron);

    // Assess
    expect(parse).toThrow(ScheduleExpressionError);
    expect(parse).toThrow(message);
  });
});

describe('rate and at expressions', () => {
  it.each([
    ['rate(1 minute)', 1],
    ['rate(5 minutes)', 5],
    ['rate(1 hour)', 60],
    ['rate(2 hours)', 120],
    ['rate(1 day)', 1440],
    ['rate(3 days)', 4320],
  ])('%s repeats every %i minutes', (expression, minutes) => {
    // Act
    const schedule = parseScheduleExpression(expression);

    // Assess
    expect(schedule).toEqual({ kind: 'rate', expression, everyMinutes: minutes });
  });

  it('fires a rate on each multiple of its interval from the start', () => {
    // Prepare
    const schedule = parseScheduleExpression('rate(15 minutes)');
    const startedAt = shanghai('2027-03-01 10:07');

    // Act
    const due = ['10:07', '10:08', '10:22', '10:30', '10:37'].map((time) =>
      isDue(schedule, shanghai(`2027-03-01 ${time}`), 'Asia/Shanghai', startedAt),
    );

    // Assess
    expect(due).toEqual([true, false, true, false, true]);
  });

  it('fires at(...) once, in the minute it names on the wall clock of the time zone', () => {
    // Prepare
    const schedule = parseScheduleExpression('at(2027-01-24T09:00:00)');
    const startedAt = shanghai('2027-01-01 00:00');

    // Act
    const due = ['2027-01-24 09:00', '2027-01-24 09:01', '2027-01-24 17:00'].map((wallClock) =>
      isDue(schedule, shanghai(wallClock), 'Asia/Shanghai', startedAt),
    );

    // Assess
    expect(due).toEqual([true, false, false]);
  });

  it('reads cron(...) as the six-field cron inside', () => {
    // Prepare
    const schedule = parseScheduleExpression('cron(0 9 ? * MON#1 *)');

    // Act
    const due = isDue(schedule, shanghai('2027-02-01 09:00'), 'Asia/Shanghai', shanghai('2027-01-01 00:00'));

    // Assess
    expect(due).toBe(true);
  });

  it.each([
    ['rate(0 minutes)', 'positive whole value'],
    ['rate(1.5 hours)', 'positive whole value'],
    ['rate(five minutes)', 'positive whole value'],
    ['rate(2 weeks)', 'minutes, hours or days'],
    ['at(2027-02-30T09:00:00)', 'not a real date and time'],
    ['at(2027-01-24T24:00:00)', 'not a real date and time'],
    ['at(2027-01-24 09:00:00)', 'is not at(yyyy-mm-ddThh:mm:ss)'],
    ['cron(0 9 * * *)', 'six fields'],
    ['every(5 minutes)', 'none of cron(...), rate(...) and at(...)'],
    ['0 9 24 1 ? *', 'none of cron(...), rate(...) and at(...)'],
  ])('refuses %s', (expression, message) => {
    // Act
    const parse = (): unknown => parseScheduleExpression(expression);

    // Assess
    expect(parse).toThrow(ScheduleExpressionError);
    expect(parse).toThrow(message);
  });
});

/** A one-service manifest whose functions each have one schedule trigger. */
const manifestWith = (schedules: Record<string, { cron: string; timeZone: string }>): ServiceManifest => ({
  name: 'clock',
  produces: [],
  tables: {},
  functions: Object.fromEntries(
    Object.entries(schedules).map(([name, { cron, timeZone }]): [string, FunctionSpec] => [
      name,
      { entry: `src/${name}.ts`, description: name, memoryMb: 128, timeoutSeconds: 10, triggers: [{ type: 'schedule', cron, timeZone }] },
    ]),
  ),
});

/** Stand-ins for the loaded functions of `manifests`, recording the events they receive. */
const recordingFunctions = (manifests: readonly ServiceManifest[]) => {
  const events: Array<{ fn: string; event: unknown }> = [];
  const functions = new Map<string, LocalFunction>();
  for (const manifest of manifests) {
    for (const [name, spec] of Object.entries(manifest.functions)) {
      const qualified = qualifiedName(manifest.name, name);
      functions.set(qualified, {
        service: manifest.name,
        name,
        qualifiedName: qualified,
        spec,
        invoke: (event: unknown) => {
          events.push({ fn: qualified, event });
          return Promise.resolve({ ok: true });
        },
      });
    }
  }
  return { events, functions };
};

describe('the local scheduler', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('accepts every schedule of the real manifests', () => {
    // Prepare
    const { functions } = recordingFunctions(allServices);
    const scheduledCount = allServices.flatMap((service) => triggersOf(service, 'schedule')).length;

    // Act
    const scheduler = startScheduler({ services: allServices, functions, log: () => undefined });
    scheduler.stop();

    // Assess
    expect(scheduledCount).toBeGreaterThan(0);
  });

  it('fails at load, naming each function and expression it cannot honour', () => {
    // Prepare
    const manifest = manifestWith({
      daily: { cron: '0 9 * * ? *', timeZone: 'Asia/Shanghai' },
      bothDays: { cron: '0 9 1 * MON *', timeZone: 'Asia/Shanghai' },
      fiveFields: { cron: '0 9 * * ?', timeZone: 'Asia/Shanghai' },
      badZone: { cron: '0 9 * * ? *', timeZone: 'Asia/Beijing' },
    });
    const { functions } = recordingFunctions([manifest]);

    // Act
    const start = (): unknown => startScheduler({ services: [manifest], functions, log: () => undefined });

    // Assess
    expect(start).toThrow(
      /clock-bothDays: cron\(0 9 1 \* MON \*\) in time zone "Asia\/Shanghai": day-of-month and day-of-week cannot both be given[\s\S]*clock-fiveFields: cron\(0 9 \* \* \?\) in time zone "Asia\/Shanghai": a cron expression has six fields[\s\S]*clock-badZone: cron\(0 9 \* \* \? \*\) in time zone "Asia\/Beijing"/,
    );
    expect(start).not.toThrow(/clock-daily/);
  });

  it('fires a function in the minute its cron comes due in its time zone, with scheduledTime', () => {
    // Prepare
    jest.useFakeTimers({ now: shanghai('2027-02-01 08:58') });
    const manifest = manifestWith({ firstMonday: { cron: '0 9 ? * MON#1 *', timeZone: 'Asia/Shanghai' } });
    const { events, functions } = recordingFunctions([manifest]);
    const scheduler = startScheduler({ services: [manifest], functions, log: () => undefined });

    // Act
    jest.advanceTimersByTime(5 * 60_000);
    scheduler.stop();

    // Assess
    expect(events).toEqual([{ fn: 'clock-firstMonday', event: { scheduledTime: '2027-02-01T01:00:00.000Z' } }]);
  });

  it('fires once when clocks go back and the hour repeats, and skips a time that does not exist when they go forward', () => {
    // Prepare: in Berlin, 02:30 happens twice on 25 October 2026 and not at all on 28 March 2027.
    const manifest = manifestWith({ halfPastTwo: { cron: '30 2 * * ? *', timeZone: 'Europe/Berlin' } });
    const { events, functions } = recordingFunctions([manifest]);
    jest.useFakeTimers({ now: new Date('2026-10-24T23:00:00Z') });
    const autumn = startScheduler({ services: [manifest], functions, log: () => undefined });
    jest.advanceTimersByTime(3 * 3_600_000);
    autumn.stop();
    jest.setSystemTime(new Date('2027-03-27T23:00:00Z'));
    const spring = startScheduler({ services: [manifest], functions, log: () => undefined });

    // Act
    jest.advanceTimersByTime(3 * 3_600_000);
    spring.stop();

    // Assess
    expect(events.map(({ event }) => event)).toEqual([{ scheduledTime: '2026-10-25T00:30:00.000Z' }]);
  });
});
