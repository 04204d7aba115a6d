/**
 * The two assessment configurations the source texts describe, as configurations of one model
 * (`domain/assessment.ts`). The texts fix only their shape: Haining weighs main responsibility 60%
 * of its clean-governance assessment (seed 000); Chengdu scores economic targets and party building
 * each out of 100, main responsibility the heaviest part of party building, with accountability
 * counts, kinds and ranks as indicators (seed 004); patrol results feed both (the share of the
 * year's findings rectified). The indicators and points below are this
 * project's defaults within that shape, for a city to replace with its own.
 */
import type { AssessmentModel, Indicator } from './domain/assessment.js';

const mainResponsibility = (partId: string, points: { timeliness: number; completeness: number; lights: number; rectification: number; signing: number }): Indicator[] => [
  { indicatorId: 'reportTimeliness', name: '年度报告按时报送', partId, mainResponsibility: true, points: points.timeliness, source: 'reportTimeliness', rule: { kind: 'ratio' } },
  { indicatorId: 'reportCompleteness', name: '年度报告内容完整', partId, mainResponsibility: true, points: points.completeness, source: 'reportCompleteness', rule: { kind: 'ratio' } },
  { indicatorId: 'lights', name: '重点任务亮灯（每个红灯扣分）', partId, mainResponsibility: true, points: points.lights, source: 'lights', rule: { kind: 'deduct', per: 5 } },
  { indicatorId: 'rectificationClosure', name: '整改事项按期销号', partId, mainResponsibility: true, points: points.rectification, source: 'rectificationClosure', rule: { kind: 'ratio' } },
  { indicatorId: 'signingCoverage', name: '责任书签订覆盖', partId, mainResponsibility: true, points: points.signing, source: 'signingCoverage', rule: { kind: 'ratio' } },
];

/** Haining: one clean-governance sheet out of 100, main responsibility 60 of it. */
export const hainingModel = (year: number, category: string): AssessmentModel => ({
  modelId: `haining-${year}-${category}`,
  name: '党风廉政建设责任制量化考评（主体责任权重60%）',
  year,
  category,
  parts: [{ partId: 'cleanGovernance', name: '党风廉政建设责任制', outOf: 100, weight: 1 }],
  indicators: [
    ...mainResponsibility('cleanGovernance', { timeliness: 10, completeness: 10, lights: 15, rectification: 15, signing: 10 }),
    { indicatorId: 'talksAndNotices', name: '谈话提醒与预警回复', partId: 'cleanGovernance', mainResponsibility: false, points: 5, source: 'talksAndNotices', rule: { kind: 'ratio' } },
    { indicatorId: 'accountability', name: '问责追究', partId: 'cleanGovernance', mainResponsibility: false, points: 5, source: 'accountability', rule: { kind: 'ratio' } },
    { indicatorId: 'patrol', name: '巡察发现问题整改', partId: 'cleanGovernance', mainResponsibility: false, points: 10, source: 'patrol', rule: { kind: 'ratio' } },
    { indicatorId: 'onSite', name: '实地检查', partId: 'cleanGovernance', mainResponsibility: false, points: 20, source: 'onSite', rule: { kind: 'entered' } },
  ],
  admonishLowest: 1,
});

/** Chengdu's "double hundred": economic targets and party building, each out of 100, weighing half. */
export const chengduModel = (year: number, category: string): AssessmentModel => ({
  modelId: `chengdu-${year}-${category}`,
  name: '“双百分”考核（经济目标、党的建设各100分）',
  year,
  category,
  parts: [
    { partId: 'economic', name: '经济目标', outOf: 100, weight: 0.5 },
    { partId: 'partyBuilding', name: '党的建设', outOf: 100, weight: 0.5 },
  ],
  indicators: [
    { indicatorId: 'economic', name: '经济目标完成情况', partId: 'economic', mainResponsibility: false, points: 100, source: 'economic', rule: { kind: 'entered' } },
    ...mainResponsibility('partyBuilding', { timeliness: 10, completeness: 10, lights: 10, rectification: 10, signing: 10 }),
    { indicatorId: 'accountability', name: '问责数量、情形、职级', partId: 'partyBuilding', mainResponsibility: false, points: 15, source: 'accountability', rule: { kind: 'ratio' } },
    { indicatorId: 'talksAndNotices', name: '谈话提醒与预警回复', partId: 'partyBuilding', mainResponsibility: false, points: 5, source: 'talksAndNotices', rule: { kind: 'ratio' } },
    { indicatorId: 'patrol', name: '巡察发现问题整改', partId: 'partyBuilding', mainResponsibility: false, points: 10, source: 'patrol', rule: { kind: 'ratio' } },
    { indicatorId: 'onSite', name: '实地检查', partId: 'partyBuilding', mainResponsibility: false, points: 20, source: 'onSite', rule: { kind: 'entered' } },
  ],
  admonishLowest: 1,
});
