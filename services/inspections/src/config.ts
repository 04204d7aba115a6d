/**
 * The inspections service's configuration, with the source texts' defaults.
 *
 * - 一案双查: the four listed situations of `domain/accountability.ts` (three quoted from seed 000),
 *   or a city's own through `DOUBLE_INQUIRY_SITUATIONS`.
 * - 容错免责: seed 004 asks for "明确容错情形、内容、程序、结果运用、澄清通报" and lists none; the three
 *   defaults below are this project's, after the "three distinctions" (三个区分开来), for a city to
 *   replace through `EXEMPTION_SITUATIONS`. Both are JSON arrays of `{code, text}`.
 * - Bans: 1 year for an equivalent post after removal or ordered resignation, 2 years for promotion
 *   after demotion (`BAN_EQUIVALENT_POST_YEARS`, `BAN_PROMOTION_YEARS`).
 * - A follow-up visit (回访) falls due `FOLLOW_UP_MONTHS` (6) after a measure.
 */
import { z } from 'zod';
import { defaultBanRules, defaultDoubleInquirySituations, type BanRules, type DoubleInquirySituation } from './domain/accountability.js';

export interface Situation {
  readonly code: string;
  readonly text: string;
  /** Quoted from the source text rather than a default of this project. */
  readonly fromText: boolean;
}

const defaultExemptionSituations: readonly Situation[] = [
  { code: 'explorationWithoutRules', text: '在推进改革中因缺乏经验、先行先试出现的失误错误', fromText: false },
  { code: 'unforeseenInPilots', text: '在上级尚无明确限制的探索性试验中的失误错误', fromText: false },
  { code: 'developmentWithoutPrivateGain', text: '为推动发展的无意过失，且未谋取私利', fromText: false },
];

const Situations = z.array(z.object({ code: z.string().min(1).max(40), text: z.string().min(1).max(200) })).min(1);

const listFrom = (variable: string, defaults: readonly Situation[]): readonly Situation[] => {
  const configured = process.env[variable];
  if (!configured) return defaults;
  return Situations.parse(JSON.parse(configured)).map((s) => ({ ...s, fromText: defaults.some((d) => d.fromText && d.text === s.text) }));
};

/** The situations of 一案双查: the configured list, or the four defaults. */
export const doubleInquirySituations = (): readonly DoubleInquirySituation[] => listFrom('DOUBLE_INQUIRY_SITUATIONS', defaultDoubleInquirySituations);

/** The situations in which fault tolerance may exempt a cadre. */
export const exemptionSituations = (): readonly Situation[] => listFrom('EXEMPTION_SITUATIONS', defaultExemptionSituations);

const years = (variable: string, fallback: number): number => {
  const value = Number(process.env[variable] ?? fallback);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

export const banRules = (): BanRules => ({
  equivalentPostYears: years('BAN_EQUIVALENT_POST_YEARS', defaultBanRules.equivalentPostYears),
  promotionYears: years('BAN_PROMOTION_YEARS', defaultBanRules.promotionYears),
});

/** Months from a measure to its follow-up visit. */
export const followUpMonths = (): number => years('FOLLOW_UP_MONTHS', 6);
