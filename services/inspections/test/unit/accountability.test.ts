import { ConflictError, RuleError } from '#shared/errors.js';
import { bansOf, bars, defaultDoubleInquirySituations, inquiriesFor, lookBack, measures, opinionOn, yearsAfter, type Appointment, type MeasureKind } from '../../src/domain/accountability.js';

describe('one case, two investigations', () => {
  it.each(defaultDoubleInquirySituations.map((s) => [s.code]))('opens both extra investigations in the listed situation %s', (code) => {
    expect(inquiriesFor(code)).toEqual(['mainResponsibility', 'supervisoryResponsibility']);
  });

  it('opens none when the case names no situation, and refuses one not on the list', () => {
    expect(inquiriesFor(null)).toEqual([]);
    expect(() => inquiriesFor('anotherSituation')).toThrow(RuleError);
  });

  it('lists four situations, three in the words of the source text', () => {
    expect(defaultDoubleInquirySituations).toHaveLength(4);
    expect(defaultDoubleInquirySituations.filter((s) => s.fromText)).toHaveLength(3);
  });
});

describe('measures and bans', () => {
  const measure = (kind: MeasureKind, decidedOn = '2026-03-10') => ({ kind, personId: 'p1', decidedOn, caseId: 'c1' });

  it('grades the measures from criticism to expulsion', () => {
    expect(measures.circulatedCriticism.grade < measures.admonishment.grade).toBe(true);
    expect(measures.admonishment.grade < measures.removal.grade).toBe(true);
    expect(measures.removal.grade < measures.expulsion.grade).toBe(true);
  });

  it('bars an equivalent post for a year after removal or ordered resignation, and promotion for two after demotion; nothing after lighter measures', () => {
    expect(bansOf(measure('removal'))).toEqual([{ personId: 'p1', kind: 'equivalentPost', from: '2026-03-10', until: '2027-03-10', caseId: 'c1', measure: 'removal' }]);
    expect(bansOf(measure('orderedResignation')).map((b) => [b.kind, b.until])).toEqual([['equivalentPost', '2027-03-10']]);
    expect(bansOf(measure('demotion')).map((b) => [b.kind, b.until])).toEqual([['promotion', '2028-03-10']]);
    for (const kind of ['circulatedCriticism', 'orderedSelfExamination', 'admonishment', 'suspension', 'reassignment', 'partyWarning'] as const) expect(bansOf(measure(kind))).toEqual([]);
    // The periods are configuration.
    expect(bansOf(measure('demotion'), { equivalentPostYears: 1, promotionYears: 3 })[0]!.until).toBe('2029-03-10');
    expect(yearsAfter('2028-02-29', 1)).toBe('2029-02-28');
  });

  it('gives a rejecting opinion while a ban bars the appointment, whatever else, and agrees once it ends', () => {
    // Prepare
    const [removed] = bansOf(measure('removal'));
    const equivalent = (on: string): Appointment => ({ personId: 'p1', kind: 'equivalent', on });

    // Act / Assess
    expect(opinionOn(equivalent('2026-09-01'), [removed!], 0)).toEqual({ decision: 'reject', reasons: ['受到免职处理，2027-03-10前不得担任与原任职务相当的领导职务'] });
    expect(opinionOn({ ...equivalent('2026-09-01'), kind: 'promotion' }, [removed!], 0).decision).toBe('reject');
    expect(opinionOn({ ...equivalent('2026-09-01'), kind: 'lower' }, [removed!], 0).decision).toBe('agree');
    expect(opinionOn(equivalent('2027-03-10'), [removed!], 0).decision).toBe('agree');
    expect(opinionOn({ ...equivalent('2026-09-01'), personId: 'p2' }, [removed!], 0).decision).toBe('agree');
  });

  it('bars promotion only after demotion, and defers an opinion while clues are open', () => {
    const [demoted] = bansOf(measure('demotion'));
    expect(bars(demoted!, { personId: 'p1', kind: 'promotion', on: '2027-06-01' })).toBe(true);
    expect(bars(demoted!, { personId: 'p1', kind: 'equivalent', on: '2027-06-01' })).toBe(false);
    expect(opinionOn({ personId: 'p1', kind: 'equivalent', on: '2027-06-01' }, [demoted!], 2)).toEqual({ decision: 'defer', reasons: ['有2条问题线索尚未办结'] });
    // A ban rejects even with clues open.
    expect(opinionOn({ personId: 'p1', kind: 'promotion', on: '2027-06-01' }, [demoted!], 2).decision).toBe('reject');
  });
});

describe('the look-back', () => {
  it('reopens a closed case where accountability fell short, with the reason, and leaves the rest closed', () => {
    expect(lookBack('closed', { shortfall: true, reason: '对主要负责人问责偏轻' })).toBe('reopened');
    expect(lookBack('closed', { shortfall: false })).toBe('closed');
    expect(() => lookBack('closed', { shortfall: true })).toThrow(RuleError);
    expect(() => lookBack('open', { shortfall: true, reason: 'x' })).toThrow(ConflictError);
  });
});
