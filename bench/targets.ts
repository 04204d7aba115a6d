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
