/**
 * The year-end assessment (检查考核) as rules: one weighted model, configured per year and unit
 * category, scores each unit from its measured inputs, carries a clean-governance veto (一票否决)
 * into the overall result, ranks the units of a category and names the lowest-ranked for an
 * admonishment talk. Haining's configuration (main responsibility 60 of 100 points) and Chengdu's
 * "double hundred" (economic targets and party building, each out of 100) are two configurations
 * of the same model. Every point keeps the records it came from. Pure functions.
 */
import { RuleError } from '#shared/errors.js';

/** Where an indicator's measured value comes from: the other services' events, or entries made here. */
export type IndicatorSource =
  | 'reportTimeliness'
  | 'reportCompleteness'
  | 'lights'
  | 'rectificationClosure'
  | 'talksAndNotices'
  | 'signingCoverage'
  | 'accountability'
  | 'patrol'
  | 'onSite'
  | 'economic';

/**
 * How a measured value becomes points, out of the indicator's `points`:
 * - `ratio`: a share from 0 to 1, times the points (a report on time is 1, a late one 0.5 …);
 * - `deduct`: the points less `per` for each counted case (a red light, an overdue item), not below 0;
 * - `entered`: points entered by the inspection team, from 0 to the indicator's points.
 */
export type ScoringRule = { readonly kind: 'ratio' } | { readonly kind: 'deduct'; readonly per: number } | { readonly kind: 'entered' };

export interface Indicator {
  readonly indicatorId: string;
  readonly name: string;
  /** The part of the sheet it belongs to. */
  readonly partId: string;
  /** Whether it measures the committee's main responsibility (Haining weighs it 60 of 100). */
  readonly mainResponsibility: boolean;
  readonly points: number;
  readonly source: IndicatorSource;
  readonly rule: ScoringRule;
}

/** A part of the sheet, scored out of `outOf`, counting `weight` of the overall result. */
export interface Part {
  readonly partId: string;
  readonly name: string;
  readonly outOf: number;
  readonly weight: number;
}

export interface AssessmentModel {
  readonly modelId: string;
  readonly name: string;
  readonly year: number;
  /** The unit category it assesses (units are ranked within their category). */
  readonly category: string;
  readonly parts: readonly Part[];
  readonly indicators: readonly Indicator[];
  /** How many of the lowest-ranked units' heads get an admonishment talk. */
  readonly admonishLowest: number;
}

/** The records a value came from: events of the other services, or entries made here. */
export interface Basis {
  readonly kind: 'event' | 'entry';
  readonly id: string;
}

/** One measured value of a unit, with what it came from. */
export interface Measured {
  readonly value: number;
  readonly basis: readonly Basis[];
}

/** What is known of one unit for the assessment: a value for each indicator, and any veto. */
export interface UnitInputs {
  readonly unitId: string;
  readonly values: Readonly<Record<string, Measured>>;
  /** Why the unit is vetoed on clean governance, with what it came from; null when it is not. */
  readonly veto: { readonly reason: string; readonly basis: readonly Basis[] } | null;
}

export interface IndicatorScore {
  readonly indicatorId: string;
  readonly value: number;
  readonly points: number;
  readonly outOf: number;
  readonly basis: readonly Basis[];
}

export interface UnitSheet {
  readonly unitId: string;
  readonly indicators: readonly IndicatorScore[];
  readonly parts: ReadonlyArray<{ readonly partId: string; readonly score: number; readonly outOf: number }>;
  /** The overall result out of 100, the parts weighted; a vetoed unit keeps its score but is ranked last and graded 不合格. */
  readonly overall: number;
  readonly vetoed: boolean;
  /** 1 for the best of the category; equal results share a rank. */
  readonly rank: number;
  readonly admonish: boolean;
}

/** Points to two decimals, as sheets are written. */
const round = (n: number): number => Math.round(n * 100) / 100;

const fail = (message: string, path: string, chinese: string): never => {
  throw new RuleError(message, [{ path, message: chinese }]);
};

/**
 * A model that can score: each part's indicators add up to what the part is out of, the parts'
 * weights add up to 1, every indicator belongs to a part.
 */
export const checkModel = (model: AssessmentModel): AssessmentModel => {
  if (model.parts.length === 0) fail('A model has parts', 'parts', '考核模型至少包含一个部分');
  const weights = model.parts.reduce((n, p) => n + p.weight, 0);
  if (Math.abs(weights - 1) > 1e-9) fail('The parts weigh 1 together', 'parts', '各部分权重之和须为1');
  for (const [i, part] of model.parts.entries()) {
    const points = model.indicators.filter((x) => x.partId === part.partId).reduce((n, x) => n + x.points, 0);
    if (Math.abs(points - part.outOf) > 1e-9) fail(`Part ${part.partId} has ${points} points of ${part.outOf}`, `parts.${i}`, `「${part.name}」各指标分值之和须为${part.outOf}分`);
  }
  model.indicators.forEach((x, i) => {
    if (!model.parts.some((p) => p.partId === x.partId)) fail(`Indicator ${x.indicatorId} names no part`, `indicators.${i}.partId`, `指标「${x.name}」所属部分不存在`);
    if (!(x.points > 0)) fail(`Indicator ${x.indicatorId} has no points`, `indicators.${i}.points`, `指标「${x.name}」分值须大于0`);
  });
  if (model.admonishLowest < 0 || !Number.isInteger(model.admonishLowest)) fail('A count of units', 'admonishLowest', '诫勉谈话的末位单位数须为非负整数');
  return model;
};

/** The points of one indicator from its measured value. */
export const indicatorPoints = (indicator: Indicator, measured: Measured | undefined): IndicatorScore => {
  const value = measured?.value ?? 0;
  const points =
    indicator.rule.kind === 'ratio'
      ? Math.min(1, Math.max(0, value)) * indicator.points
      : indicator.rule.kind === 'deduct'
        ? Math.max(0, indicator.points - value * indicator.rule.per)
        : Math.min(indicator.points, Math.max(0, value));
  return { indicatorId: indicator.indicatorId, value, points: round(points), outOf: indicator.points, basis: measured?.basis ?? [] };
};

/** The share of the sheet's points that measure main responsibility (Haining: 0.6). */
export const mainResponsibilityShare = (model: AssessmentModel): number => {
  const overall = (x: Indicator) => (x.points / model.parts.find((p) => p.partId === x.partId)!.outOf) * model.parts.find((p) => p.partId === x.partId)!.weight;
  return round(model.indicators.filter((x) => x.mainResponsibility).reduce((n, x) => n + overall(x), 0));
};

/**
 * Scores every unit of the category and ranks them: the overall result is the parts' scores,
 * each brought to 100 and weighted; a vetoed unit is ranked after every unit not vetoed (一票否决
 * carries into the overall result); equal results share a rank; the `admonishLowest` last-ranked
 * units are named for an admonishment talk.
 */
export const assess = (model: AssessmentModel, units: readonly UnitInputs[]): UnitSheet[] => {
  checkModel(model);
  const scored = units.map((unit) => {
    const indicators = model.indicators.map((x) => indicatorPoints(x, unit.values[x.indicatorId]));
    const parts = model.parts.map((p) => ({
      partId: p.partId,
      score: round(indicators.filter((_, i) => model.indicators[i]!.partId === p.partId).reduce((n, s) => n + s.points, 0)),
      outOf: p.outOf,
    }));
    const overall = round(parts.reduce((n, p, i) => n + (p.score / p.outOf) * 100 * model.parts[i]!.weight, 0));
    return { unitId: unit.unitId, indicators, parts, overall, vetoed: unit.veto !== null };
  });
  const order = [...scored].sort((a, b) => Number(a.vetoed) - Number(b.vetoed) || b.overall - a.overall || a.unitId.localeCompare(b.unitId));
  const rankOf = new Map<string, number>();
  order.forEach((s, i) => {
    const before = order[i - 1];
    rankOf.set(s.unitId, before && before.vetoed === s.vetoed && before.overall === s.overall ? rankOf.get(before.unitId)! : i + 1);
  });
  const lowest = new Set(order.slice(Math.max(0, order.length - model.admonishLowest)).map((s) => s.unitId));
  return scored.map((s) => ({ ...s, rank: rankOf.get(s.unitId)!, admonish: lowest.has(s.unitId) }));
};

/** The grade of an overall result: a vetoed unit fails whatever its score. */
export const gradeOf = (sheet: Pick<UnitSheet, 'overall' | 'vetoed'>): '优秀' | '良好' | '合格' | '不合格' =>
  sheet.vetoed ? '不合格' : sheet.overall >= 90 ? '优秀' : sheet.overall >= 80 ? '良好' : sheet.overall >= 60 ? '合格' : '不合格';
