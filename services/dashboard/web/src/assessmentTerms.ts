/**
 * The year-end assessment in Chinese, as the source texts and the service's configurations name it
 * (../shared/docs/DOMAIN.md): the two configurations, the disclosure scopes, the statuses and grades,
 * the unit categories usually ranked, which indicators the inspection team enters, and how a measured
 * value and its basis read.
 */
import type { AssessmentStatus, AssessmentSummary, Configuration, DisclosureScope, Grade, IndicatorScore } from './assessments.js';

export const configurationNames: Record<Configuration, string> = {
  haining: '海宁（主体责任60%）',
  chengdu: '成都“双百分”',
};

/** What each configuration scores, for the start form's hint. */
export const configurationHints: Record<Configuration, string> = {
  haining: '党风廉政建设责任制量化考评，满分100分，其中主体责任60分；实地检查由检查组录入。',
  chengdu: '经济目标、党的建设各100分，各占一半；经济目标完成情况和实地检查由检查组录入。',
};

export const disclosureNames: Record<DisclosureScope, string> = {
  subtree: '本辖区',
  system: '系统内',
  public: '公开',
};

export const assessmentStatusNames: Record<AssessmentStatus, string> = {
  open: '考核中',
  published: '已发布',
};

/** The badge of a grade: passed well, passed, failed. */
export const gradeTones: Record<Grade, string> = {
  优秀: 'accepted',
  良好: 'accepted',
  合格: 'submitted',
  不合格: 'missing',
};

/** The unit categories usually ranked, as units are registered; another may be typed. */
export const commonCategories: readonly string[] = ['县（市、区）委', '乡镇（街道）党委', '市直部门党组', '县直部门党组', '国有企业党委', '学校党委', '医院党委'];

/** What the cases are that a deducting indicator counts (red lights). */
const countedIndicators: Readonly<Record<string, string>> = { lights: '红灯' };

/** Points as the sheets write them: up to two decimals, no trailing zeros. */
export const pointsText = (points: number): string => String(Math.round(points * 100) / 100);

/** A share of 0 to 1 as a percentage: 0.6 → `60%`. */
export const shareText = (share: number): string => `${Math.round(share * 1000) / 10}%`;

/**
 * The value measured for an indicator, in words: the points entered (or that none are yet), the
 * count of a counted indicator, else the share measured from the events.
 *
 * @example
 * measuredText({ indicatorId: 'reportTimeliness', rule: 'ratio', value: 0.5, basis: [{ kind: 'event', id: 'e1' }] }); // '50%'
 */
export const measuredText = (indicator: Pick<IndicatorScore, 'indicatorId' | 'rule' | 'value' | 'basis'>): string => {
  if (indicator.rule === 'entered') return indicator.basis.length > 0 ? `录入${pointsText(indicator.value)}分` : '未录入';
  if (indicator.rule === 'deduct') return `${countedIndicators[indicator.indicatorId] ?? ''}${indicator.value}个`;
  return shareText(indicator.value);
};

/** Where an indicator's points came from, in words: the entry, or how many events. */
export const basisText = (indicator: Pick<IndicatorScore, 'basis'>): string => {
  const events = indicator.basis.filter((b) => b.kind === 'event').length;
  const entries = indicator.basis.length - events;
  return [entries > 0 ? '检查组录入' : '', events > 0 ? `${events}个事件` : ''].filter(Boolean).join('、') || '无记录';
};

/** An assessment's name: its year and the category ranked. */
export const assessmentTitle = (a: Pick<AssessmentSummary, 'year' | 'category'>): string => `${a.year}年度${a.category}考核`;

/** The steps on an assessment, and what a refusal for its state (409) means of each, in Chinese. */
export type AssessmentStep = 'enter' | 'veto' | 'publish' | 'feedback';

export const assessmentConflicts: Record<AssessmentStep, string> = {
  enter: '考核结果已发布，评分表不再变动',
  veto: '考核结果已发布，评分表不再变动',
  publish: '考核结果已发布',
  feedback: '考核结果尚未发布，或该单位的反馈单已下发',
};
