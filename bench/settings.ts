/**
 * What one `npm run bench` does: counts, concurrency and time limits. Some can be set from the
 * environment, so that a developer can run the long parts smaller:
 *
 * - `BENCH_REPLAY_EVENTS` (100000): events replayed into a fresh dashboard read model;
 * - `BENCH_REPLAY_TIMEOUT_S` (1200): how long the replay may take before it is cut short and
 *   reported as unfinished;
 * - `BENCH_CONSUMER_EVENTS` (2000): events in the consumer-apply burst;
 * - `BENCH_SIGNING_LETTERS` (500): letters of the signing phase, each signed twice, so the chain it
 *   verifies has twice as many links;
 * - `BENCH_REMINDER_UNITS` (10000,100000): the sizes of the deadline engine's run, smallest first;
 *   the targets speak of 10,000 and 100,000.
 */
import reports from '#services/reports/service.js';
import { triggersOf } from '#shared/manifest.js';

/** The batch size of the reports relay's stream trigger. */
const relayBatchSize = triggersOf(reports, 'stream')[0]!.trigger.batchSize;

/** The benchmark's settings; see the module comment. */
export interface Settings {
  /** Units registered through the API; their (unit, year) pairs are the submissions. */
  readonly units: number;
  readonly latencyWarmup: number;
  readonly latencySamples: number;
  readonly throughputClients: number;
  readonly throughputCount: number;
  readonly e2eWarmup: number;
  readonly e2eSamples: number;
  readonly e2ePollMs: number;
  /** Outbox items the relay publishes, and records the bare producer sends. */
  readonly relayRecords: number;
  readonly relayInsertConcurrency: number;
  /** Records per produce request of the bare producer (the stream trigger's batch size). */
  readonly producerBatch: number;
  /** Events in the burst the dashboard consumer applies, and raw transactions of the baseline. */
  readonly consumerEvents: number;
  /** Rows of the roster the import phase sends. */
  readonly rosterRows: number;
  /** Letters the signing phase issues and signs (two signatures each). */
  readonly signingLetters: number;
  /** Events replayed into a fresh read model. */
  readonly replayEvents: number;
  readonly replayTimeoutMs: number;
  /** Units of each deadline run measured, in increasing order. */
  readonly reminderUnits: readonly number[];
  /** The whole run is stopped (and cleaned up) after this long. */
  readonly watchdogMs: number;
}

const positiveInteger = (env: NodeJS.ProcessEnv, name: string, fallback: number): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^[1-9][0-9]*$/.test(raw)) throw new Error(`${name} must be a positive whole number, not ${JSON.stringify(raw)}`);
  return Number(raw);
};

/** A comma-separated list of positive whole numbers, sorted and without repeats. */
export const positiveIntegers = (env: NodeJS.ProcessEnv, name: string, fallback: readonly number[]): number[] => {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return [...fallback];
  const values = raw.split(',').map((v) => v.trim());
  if (values.some((v) => !/^[1-9][0-9]*$/.test(v))) throw new Error(`${name} must be positive whole numbers separated by commas, not ${JSON.stringify(raw)}`);
  return [...new Set(values.map(Number))].sort((a, b) => a - b);
};

/** The settings, with the environment's overrides. */
export const settingsFrom = (env: NodeJS.ProcessEnv): Settings => {
  const replayTimeoutMs = positiveInteger(env, 'BENCH_REPLAY_TIMEOUT_S', 1_200) * 1000;
  return {
    units: 40,
    latencyWarmup: 30,
    latencySamples: 300,
    throughputClients: 16,
    throughputCount: 800,
    e2eWarmup: 3,
    e2eSamples: 50,
    e2ePollMs: 20,
    // Enough for a rate: on 2,000 records each side's start (connecting, the first read, the
    // consumer's first fetch) was most of the time measured, and the bare side varied 3× between runs.
    relayRecords: 10_000,
    relayInsertConcurrency: 4,
    // The bare producer sends as many records at once as the relay is handed (ADR 0011).
    producerBatch: relayBatchSize,
    consumerEvents: positiveInteger(env, 'BENCH_CONSUMER_EVENTS', 2000),
    signingLetters: positiveInteger(env, 'BENCH_SIGNING_LETTERS', 500),
    rosterRows: 5000,
    replayEvents: positiveInteger(env, 'BENCH_REPLAY_EVENTS', 100_000),
    replayTimeoutMs,
    reminderUnits: positiveIntegers(env, 'BENCH_REMINDER_UNITS', [10_000, 100_000]),
    // Everything but the replay took about 3 minutes on a 2-core machine; the rest is the replay's.
    watchdogMs: 12 * 60_000 + replayTimeoutMs,
  };
};
