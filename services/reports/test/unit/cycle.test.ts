import { isOverdue, submitEvidence, verify, checkHearingDate, type Rectification } from '../../src/domain/hearings.js';
import { commentOnRating, confirmClosing, lightsOf, progress, rate, type KeyTask } from '../../src/domain/keyTasks.js';
import { checkFiling, checkLedgerMonth, monthsOf, shortfalls, type LedgerFiling } from '../../src/domain/ledger.js';
import { hearingDeadline } from '../../src/config.js';
import { ConflictError, RuleError } from '#shared/errors.js';
import { loadFixture } from '#events/fixtures/index.js';

/** A rectification item as opened from the fixture of `reports.RectificationOpened.v1`. */
const opened = (): Rectification => {
  const { data } = loadFixture('reports.RectificationOpened.v1') as unknown as { data: Pick<Rectification, 'rectificationId' | 'unitId' | 'source' | 'action' | 'dueDate'> };
  return { ...data, status: 'open', evidence: [], history: [], revision: 1 };
};
const evidence = (loadFixture('reports.RectificationEvidenceSubmitted.v1').data as { evidence: Rectification['evidence'] }).evidence;

/** A key task as added from the fixture of `reports.KeyTaskAdded.v1`. */
const added = (): KeyTask => {
  const { actor: _actor, ...data } = loadFixture('reports.KeyTaskAdded.v1').data as unknown as KeyTask & { actor: unknown };
  return { ...data, progress: [], closingRequested: false, closed: null, ratings: [], comments: [], revision: 1 };
};
const member = { personId: 'p9', name: '周敏' };

describe('hearings and rectification items', () => {
  it('holds hearings by 31 March of the next year, to the second', () => {
    // Act / Assess
    expect(() => checkHearingDate(new Date('2027-03-31T23:59:59+08:00'), hearingDeadline(2026), 2026)).not.toThrow();
    expect(() => checkHearingDate(new Date('2027-04-01T00:00:00+08:00'), hearingDeadline(2026), 2026)).toThrow(RuleError);
  });

  it('runs open → evidence submitted → closed, and a rejection back to open with its reason', () => {
    // Act
    const submitted = submitEvidence(opened(), '已整改', evidence, 'p1', '2027-04-01T09:00:00.000+08:00');
    const closed = verify(submitted, 'close', '', 'p9', '2027-04-02T09:00:00.000+08:00');
    const rejected = verify(submitted, 'reject', '佐证不足', 'p9', '2027-04-02T09:00:00.000+08:00');

    // Assess
    expect(submitted).toMatchObject({ status: 'evidenceSubmitted', evidence, revision: 2 });
    expect(closed).toMatchObject({ status: 'closed', revision: 3 });
    expect(rejected).toMatchObject({ status: 'open', history: [expect.objectContaining({ status: 'evidenceSubmitted' }), expect.objectContaining({ status: 'open', note: '佐证不足' })] });
    expect(() => verify(submitted, 'reject', ' ', 'p9', 'x')).toThrow(RuleError);
    expect(() => verify(opened(), 'close', '', 'p9', 'x')).toThrow(ConflictError);
    expect(() => submitEvidence(closed, 'again', [], 'p1', 'x')).toThrow(ConflictError);
  });

  it('flags an item overdue from the day after its due date in China Standard Time, unless closed', () => {
    // Prepare
    const item = { ...opened(), dueDate: '2027-06-30' };

    // Act / Assess: 30 June 23:59 CST is 15:59 UTC, still on time; 1 July 00:00 CST is 30 June 16:00 UTC
    expect(isOverdue(item, new Date('2027-06-30T15:59:59Z'))).toBe(false);
    expect(isOverdue(item, new Date('2027-06-30T16:00:00Z'))).toBe(true);
    expect(isOverdue({ ...item, status: 'closed' }, new Date('2027-12-01T00:00:00Z'))).toBe(false);
  });
});

describe('key tasks and their lights', () => {
  it('is closed only by the commission’s confirmation of the unit’s request', () => {
    // Prepare
    const task = added();

    // Act
    const requested = progress(task, '已完成', [], true, 'p1', '2027-06-01T09:00:00.000+08:00');
    const closed = confirmClosing(requested, member, '2027-06-02T09:00:00.000+08:00');

    // Assess
    expect(() => confirmClosing(task, member, 'x')).toThrow(RuleError);
    expect(requested.closed).toBeNull();
    expect(closed.closed).toEqual({ confirmedBy: member, at: '2027-06-02T09:00:00.000+08:00' });
    expect(() => progress(closed, 'more', [], false, 'p1', 'x')).toThrow(ConflictError);
  });

  it('rates begun quarters only, keeps every rating, and the last one is the quarter’s light', () => {
    // Prepare
    const task = added();

    // Act
    const once = rate(task, 1, 'yellow', '滞后', 'p9', 'a', '2027-04-05');
    const twice = rate(once, 1, 'red', '严重滞后', 'p9', 'b', '2027-04-06');
    const commented = commentOnRating(twice, 1, member, '请加快', 'c');

    // Assess
    expect(() => rate(task, 3, 'green', 'x', 'p9', 'a', '2027-06-30')).toThrow(RuleError);
    expect(twice.ratings).toHaveLength(2);
    expect(lightsOf(twice)).toEqual({ 1: 'red' });
    expect(commented.comments).toEqual([{ quarter: 1, member, text: '请加快', at: 'c' }]);
    expect(() => commentOnRating(task, 2, member, 'x', 'c')).toThrow(RuleError);
  });
});

describe('the monthly ledger', () => {
  const filing = (month: string, personId: string, check: LedgerFiling['check'] = null) => ({ unitId: 'u1', person: { personId, name: personId }, month, check });

  it('is filed for a month begun, checked once, and a failed check needs a note', () => {
    // Prepare
    const filed: LedgerFiling = { ledgerId: 'l', ...filing('2027-04', 'p1'), entries: ['学习'], filedAt: 'x', revision: 1 };

    // Act / Assess
    expect(() => checkLedgerMonth('2027-05', '2027-04-30')).toThrow(RuleError);
    expect(() => checkLedgerMonth('2027-04', '2027-04-01')).not.toThrow();
    expect(() => checkFiling(filed, 'failed', ' ', 'p9', 'x')).toThrow(RuleError);
    expect(() => checkFiling(checkFiling(filed, 'passed', '', 'p9', 'x'), 'passed', '', 'p9', 'y')).toThrow(ConflictError);
  });

  it('circulates, per cadre, the months of the quarter missing and failed, and no one without a shortfall', () => {
    // Prepare
    const filers = [
      { unitId: 'u1', person: { personId: 'p1', name: 'p1' } },
      { unitId: 'u1', person: { personId: 'p2', name: 'p2' } },
    ];
    const filings = [
      ...monthsOf(2027, 1).map((m) => filing(m, 'p1', { result: 'passed' as const, note: '', at: 'x', by: 'p9' })),
      filing('2027-01', 'p2', { result: 'failed', note: '内容空泛', at: 'x', by: 'p9' }),
      filing('2027-02', 'p2'),
    ];

    // Act
    const found = shortfalls(filers, filings, monthsOf(2027, 1));

    // Assess
    expect(monthsOf(2027, 1)).toEqual(['2027-01', '2027-02', '2027-03']);
    expect(found).toEqual([{ unitId: 'u1', person: { personId: 'p2', name: 'p2' }, missing: ['2027-03'], failed: ['2027-01'] }]);
  });
});
