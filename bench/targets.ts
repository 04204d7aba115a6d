/**
 * The targets the benchmark judges (see docs/adr/0011-benchmarks.md): each compares a figure of
 * the system with a baseline measured in the same run, so that the machine's speed cancels out.
 */
import { round } from './stats.js';

/** One judged target. */
export interface Judged {
  readonly id: string;
  /** What is compared with what. */
  readonly figure: string;
  readonly value: number;
  readonly unit: string;
  /** The target as text, e.g. `≥ 0.5×`. */
  readonly target: string;
  readonly limit: number;
  readonly comparison: 'at least' | 'at most';
  readonly met: boolean;
}

/** Judges `value` against `limit`; a value that could not be measured (NaN) is not met. */
export const judge = (
  id: string,
  figure: string,
  value: number,
  comparison: Judged['comparison'],
  limit: number,
  unit = '×',
  digits = 3,
): Judged => ({
  id,
  figure,
  value: round(value, digits),
  unit,
  target: `${comparison === 'at least' ? '≥' : '≤'} ${limit}${unit === '×' ? '×' : ` ${unit}`}`,
  limit,
  comparison,
  met: Number.isFinite(value) && (comparison === 'at least' ? value >= limit : value <= limit),
});

/** The relay's publish rate against a bare kafkajs producer's. */
export const relayTarget = 0.5;
/** The dashboard consumer's apply rate against raw transactional writes of the same items. */
export const consumerApplyTarget = 0.5;
/** Node CPU per submit through the gateway against the bare submit path's. */
export const submitCpuTarget = 1.5;
/** Submit p50 through the gateway against the bare submit path's. */
export const submitP50Target = 1.3;
/** Minutes a replay of 100,000 events into a fresh read model may take. */
export const replayMinutesTarget = 10;
/** The replay size the minutes target speaks of; other sizes are judged at their rate. */
export const replayReferenceEvents = 100_000;
/** Seconds one run of the deadline engine may take over 100,000 units, on their 7-day reminder day. */
export const reminderRunSecondsTarget = 5;
/** The size the seconds target speaks of. */
export const reminderRunReferenceUnits = 100_000;
/**
 * How much longer a run over 100,000 units may take than one over 10,000: 11×, close to linear,
 * so that a cost growing faster than the units (a scan, a loop over the set per unit) shows.
 * Other sizes are held to the same 1.1 × their ratio.
 */
export const reminderRunGrowthTarget = 11;

/** The median time of the deadline runs over one number of units. */
export interface ReminderRunTime {
  readonly units: number;
  readonly medianMs: number;
}

/**
 * The deadline run's two targets from the medians of its sizes: the seconds over 100,000 units,
 * and how the time grew from the smallest size to the largest. A run's time is mostly fixed work
 * (a part per shard whatever the size), so a smaller size is not scaled up: without 100,000 in
 * the sizes, or with a single size, a target is unmeasured, hence not met.
 */
export const reminderRunTargets = (times: readonly ReminderRunTime[]): Judged[] => {
  const sorted = [...times].sort((a, b) => a.units - b.units);
  const smallest = sorted[0];
  const largest = sorted[sorted.length - 1];
  const reference = sorted.find((t) => t.units === reminderRunReferenceUnits);
  const units = (n: number) => n.toLocaleString('en');
  const twoSizes = smallest !== undefined && largest !== undefined && largest.units > smallest.units;
  return [
    judge(
      'reminderRun',
      `deadline run over ${units(reminderRunReferenceUnits)} units on their 7-day reminder day, median of 3 reminder days${reference ? '' : ' (not among the sizes run)'}`,
      reference ? reference.medianMs / 1000 : Number.NaN,
      'at most',
      reminderRunSecondsTarget,
      's',
      2,
    ),
    twoSizes
      ? judge(
          'reminderRunGrowth',
          `deadline run time: ${units(largest.units)} units / ${units(smallest.units)} units`,
          largest.medianMs / smallest.medianMs,
          'at most',
          round((reminderRunGrowthTarget / 10) * (largest.units / smallest.units), 2),
        )
      : judge('reminderRunGrowth', 'deadline run time growth (a single size was run)', Number.NaN, 'at most', reminderRunGrowthTarget),
  ];
};

/** Kilobytes of JavaScript, gzip, that the web app's first load may carry. */
export const firstLoadKilobytesTarget = 300;
/** Seconds until the oversight dashboard shows its data in Chromium, from navigating to it. */
export const dashboardShownSecondsTarget = 1.5;
/** Seconds from sending a submission until an open dashboard shows it, the slowest of the samples. */
export const liveUpdateSecondsTarget = 2;
