/**
 * The benchmark's deadline-run phase, its pure parts: the sizes from the environment, the days it
 * runs on, how it writes its sets shard range by shard range, the check of each run, and the two
 * targets judged from the medians.
 */
import { randomUUID } from 'node:crypto';
import { shardOf } from '#services/reports/src/domain/deadlines.js';
import type { RunSummary } from '#services/reports/src/app/reminderRun.js';
import { positiveIntegers } from '../../../../bench/settings.js';
import { reminderRunTargets } from '../../../../bench/targets.js';
import { assertReminded, byShardRange, runMomentOf } from '../../../../bench/phases/reminderRun.js';

describe('the sizes of the deadline run', () => {
  it('are read from a comma-separated list, sorted and without repeats', () => {
    // Act
    const sizes = positiveIntegers({ BENCH_REMINDER_UNITS: '100000, 10000,10000' }, 'BENCH_REMINDER_UNITS', [1]);

    // Assess
    expect(sizes).toEqual([10_000, 100_000]);
  });

  it('fall back to the defaults when unset, and refuse what is not a whole number', () => {
    // Act
    const unset = positiveIntegers({}, 'BENCH_REMINDER_UNITS', [10_000, 100_000]);
    const wrong = () => positiveIntegers({ BENCH_REMINDER_UNITS: '10k' }, 'BENCH_REMINDER_UNITS', [10_000]);

    // Assess
    expect(unset).toEqual([10_000, 100_000]);
    expect(wrong).toThrow('BENCH_REMINDER_UNITS must be positive whole numbers');
  });
});

describe('the moments the deadline run is timed on', () => {
  it('are 09:00 CST on the reminder days before 31 January of the next year, and the first day overdue', () => {
    // Act
    const days = [14, 7, 3, -1].map((offset) => runMomentOf(2090, offset));

    // Assess
    expect(days.map((d) => d.day)).toEqual(['2091-01-17', '2091-01-24', '2091-01-28', '2091-02-01']);
    expect(days[1]!.runAt.toISOString()).toBe('2091-01-24T01:00:00.000Z');
  });
});

describe('byShardRange', () => {
  it('puts every member in the list of its shard’s range, so that each call writes its own shard items', () => {
    // Prepare
    const members = Array.from({ length: 2000 }, () => randomUUID());

    // Act
    const lists = byShardRange(members, 8, 256);

    // Assess
    expect(lists.flat().sort()).toEqual([...members].sort());
    lists.forEach((list, i) => {
      for (const member of list) expect(Math.floor(shardOf(member, 256) / 32)).toBe(i);
    });
  });
});

describe('assertReminded', () => {
  const summary = (reminders: number, pendingOfOthers = 0): RunSummary => ({
    runAt: '2091-01-24T01:00:00.000Z',
    deadlines: [
      { kind: 'annualReport', subject: '2090', dueAt: '2091-01-31T23:59:59+08:00', action: 'remind', offsetDays: 7, pending: 700 },
      { kind: 'annualReport', subject: '2089', dueAt: '2090-01-31T23:59:59+08:00', action: 'escalate', round: 52, pending: pendingOfOthers },
    ],
    reminders,
    escalations: 0,
    parts: { recorded: 233, alreadyRecorded: 0 },
  });

  it('lets a run pass that reminded exactly the pending units of the year', () => {
    // Act
    const check = () => assertReminded(summary(700), 2090, 700);

    // Assess
    expect(check).not.toThrow();
  });

  it('fails a run that reminded fewer, or that also had another deadline with units pending', () => {
    // Act
    const fewer = () => assertReminded(summary(699), 2090, 700);
    const other = () => assertReminded(summary(700, 5), 2090, 700);

    // Assess
    expect(fewer).toThrow('should have reminded the 700 pending units of 2090');
    expect(other).toThrow('should have reminded the 700 pending units of 2090');
  });
});

describe('reminderRunTargets', () => {
  it('judges the median over 100,000 units against 5 s, and its growth from 10,000 against 11×', () => {
    // Act
    const [seconds, growth] = reminderRunTargets([
      { units: 100_000, medianMs: 4_800 },
      { units: 10_000, medianMs: 400 },
    ]);

    // Assess
    expect(seconds).toMatchObject({ id: 'reminderRun', value: 4.8, target: '≤ 5 s', met: true });
    expect(growth).toMatchObject({ id: 'reminderRunGrowth', value: 12, target: '≤ 11×', met: false });
  });

  it('does not scale a smaller size up to 100,000, and holds other sizes to 1.1 × their ratio', () => {
    // Act
    const [seconds, growth] = reminderRunTargets([
      { units: 1_000, medianMs: 300 },
      { units: 10_000, medianMs: 900 },
    ]);

    // Assess
    expect(seconds).toMatchObject({ id: 'reminderRun', met: false });
    expect(seconds!.figure).toContain('not among the sizes run');
    expect(growth).toMatchObject({ value: 3, limit: 11, met: true });
  });

  it('cannot judge growth from a single size', () => {
    // Act
    const [seconds, growth] = reminderRunTargets([{ units: 100_000, medianMs: 6_000 }]);

    // Assess
    expect(seconds).toMatchObject({ value: 6, met: false });
    expect(growth).toMatchObject({ met: false });
    expect(growth!.figure).toContain('a single size');
  });
});
