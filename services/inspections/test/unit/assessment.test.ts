import { RuleError } from '#shared/errors.js';
import { assess, checkModel, gradeOf, mainResponsibilityShare, type Basis, type Measured, type UnitInputs } from '../../src/domain/assessment.js';
import { chengduModel, hainingModel } from '../../src/assessmentModels.js';

const entry = (id: string) => [{ kind: 'entry' as const, id }];
const fromEvents = (...ids: string[]) => ids.map((id) => ({ kind: 'event' as const, id }));
const value = (v: number, basis: readonly Basis[] = entry(`e-${v}`)): Measured => ({ value: v, basis });

/**
 * Three units of one category. A: everything on time, one red light, 80% of its rectification
 * closed; B: its report late (half), 90% complete, three quarters of its letters signed; C: full
 * marks everywhere, but vetoed on clean governance.
 */
const units: UnitInputs[] = [
  {
    unitId: 'A',
    values: {
      reportTimeliness: value(1),
      reportCompleteness: value(1),
      lights: value(1, fromEvents('light-red-A-Q2')),
      rectificationClosure: value(0.8),
      signingCoverage: value(1),
      talksAndNotices: value(0.9),
      accountability: value(1),
      onSite: value(18, entry('onsite-A')),
      patrol: value(1),
      economic: value(85),
    },
    veto: null,
  },
  {
    unitId: 'B',
    values: {
      reportTimeliness: value(0.5),
      reportCompleteness: value(0.9),
      lights: value(0),
      rectificationClosure: value(1),
      signingCoverage: value(0.75),
      talksAndNotices: value(1),
      accountability: value(0.5),
      onSite: value(15),
      patrol: value(1),
      economic: value(90),
    },
    veto: null,
  },
  {
    unitId: 'C',
    values: {
      reportTimeliness: value(1),
      reportCompleteness: value(1),
      lights: value(0),
      rectificationClosure: value(1),
      signingCoverage: value(1),
      talksAndNotices: value(1),
      accountability: value(1),
      onSite: value(20),
      patrol: value(1),
      economic: value(70),
    },
    veto: { reason: '发生重大腐败案件', basis: fromEvents('case-C-1') },
  },
];

const byUnit = <T extends { unitId: string }>(sheets: readonly T[]) => Object.fromEntries(sheets.map((s) => [s.unitId, s]));

describe('the year-end assessment', () => {
  it('weighs main responsibility 60% in Haining’s configuration', () => {
    expect(mainResponsibilityShare(hainingModel(2026, '县（市、区）'))).toBe(0.6);
    // Chengdu's: 50 of the 100 points of party building, which weighs half.
    expect(mainResponsibilityShare(chengduModel(2026, '县（市、区）'))).toBe(0.25);
  });

  it('scores Haining’s sheet as computed by hand, ranks the vetoed unit last and names it for an admonishment talk', () => {
    // Act
    const sheets = byUnit(assess(hainingModel(2026, '县（市、区）'), units));

    // Assess, by hand:
    // (timeliness 10, completeness 10, lights 15, rectification 15, signing 10, talks 5,
    // accountability 5, patrol 10, on site 20)
    // A: 10 + 10 + (15 − 5 for one red light) + 15×0.8 + 10 + 5×0.9 + 5 + 10 + 18 = 89.5
    // B: 10×0.5 + 10×0.9 + 15 + 15 + 10×0.75 + 5 + 5×0.5 + 10 + 15 = 84
    // C: 100, vetoed
    expect([sheets.A!.overall, sheets.B!.overall, sheets.C!.overall]).toEqual([89.5, 84, 100]);
    expect([sheets.A!.rank, sheets.B!.rank, sheets.C!.rank]).toEqual([1, 2, 3]);
    expect([sheets.A!.admonish, sheets.B!.admonish, sheets.C!.admonish]).toEqual([false, false, true]);
    expect([gradeOf(sheets.A!), gradeOf(sheets.B!), gradeOf(sheets.C!)]).toEqual(['良好', '良好', '不合格']);
  });

  it('scores Chengdu’s double hundred as computed by hand, and the veto carries into the overall result', () => {
    // Act
    const sheets = byUnit(assess(chengduModel(2026, '县（市、区）'), units));

    // Assess, by hand (party building: timeliness 10, completeness 10, lights 10, rectification 10,
    // signing 10, accountability 15, talks 5, patrol 10, on site 20):
    // A: economic 85; party 10 + 10 + 5 + 8 + 10 + 15 + 4.5 + 10 + 18 = 90.5; overall 85×0.5 + 90.5×0.5 = 87.75
    // B: economic 90; party 5 + 9 + 10 + 10 + 7.5 + 7.5 + 5 + 10 + 15 = 79; overall 45 + 39.5 = 84.5
    // C: economic 70; party 100; overall 85 — above B, but vetoed: ranked after every unit not vetoed
    expect(sheets.A!.parts).toEqual([
      { partId: 'economic', score: 85, outOf: 100 },
      { partId: 'partyBuilding', score: 90.5, outOf: 100 },
    ]);
    expect([sheets.A!.overall, sheets.B!.overall, sheets.C!.overall]).toEqual([87.75, 84.5, 85]);
    expect([sheets.A!.rank, sheets.B!.rank, sheets.C!.rank]).toEqual([1, 2, 3]);
    // Without the veto, C would rank above B.
    const unvetoed = byUnit(assess(chengduModel(2026, '县（市、区）'), units.map((u) => ({ ...u, veto: null }))));
    expect([unvetoed.A!.rank, unvetoed.C!.rank, unvetoed.B!.rank]).toEqual([1, 2, 3]);
  });

  it('keeps with every point the records it came from', () => {
    // Act
    const a = byUnit(assess(hainingModel(2026, '县（市、区）'), units)).A!;

    // Assess
    expect(a.indicators.find((i) => i.indicatorId === 'lights')).toEqual({ indicatorId: 'lights', value: 1, points: 10, outOf: 15, basis: [{ kind: 'event', id: 'light-red-A-Q2' }] });
    expect(a.indicators.find((i) => i.indicatorId === 'onSite')!.basis).toEqual([{ kind: 'entry', id: 'onsite-A' }]);
  });

  it('gives equal results the same rank, and scores a missing value as nothing', () => {
    // Act
    const sheets = byUnit(assess(hainingModel(2026, '县（市、区）'), [units[0]!, { ...units[0]!, unitId: 'D' }, units[1]!, { unitId: 'E', values: {}, veto: null }]));

    // Assess
    expect([sheets.A!.rank, sheets.D!.rank, sheets.B!.rank, sheets.E!.rank]).toEqual([1, 1, 3, 4]);
    // E has no values: only the deduction rule, with nothing to deduct, gives its points.
    expect(sheets.E!.overall).toBe(15);
  });

  it('refuses a model whose parts’ points or weights do not add up, in Chinese', () => {
    const model = hainingModel(2026, '县（市、区）');
    const short = { ...model, indicators: model.indicators.filter((i) => i.indicatorId !== 'onSite') };
    expect(() => checkModel(short)).toThrow(RuleError);
    try {
      checkModel(short);
    } catch (error) {
      expect((error as RuleError).errors).toEqual([{ path: 'parts.0', message: '「党风廉政建设责任制」各指标分值之和须为100分' }]);
    }
    const chengdu = chengduModel(2026, '县（市、区）');
    expect(() => checkModel({ ...chengdu, parts: chengdu.parts.map((p) => ({ ...p, weight: 0.6 })) })).toThrow(RuleError);
  });
});
