import { withFreshIds } from '#events/fixtures/index.js';
import { AnnualReportAcceptedV1, AnnualReportDraftSavedV1, AnnualReportReopenedV1, AnnualReportReturnedV1, AnnualReportSubmittedV1 } from '#events/index.js';
import { foldReport, reportStepOf, type AnnualReportEvent } from '../../src/domain/reportStatus.js';
import { annualReportCycle } from '../../src/domain/overview.js';

const unitId = '019a7b2e-4c1d-7f00-8a11-3d2f6b9e0c03';

/** The fixture events of a report's cycle, for one unit, at the aggregate version given. */
const draft = (aggregateversion: number, data: Record<string, unknown> = {}) =>
  AnnualReportDraftSavedV1.parse({ ...withFreshIds('reports.AnnualReportDraftSaved.v1', unitId, data), aggregateversion });
const submission = (aggregateversion: number, data: Record<string, unknown> = {}) =>
  AnnualReportSubmittedV1.parse({ ...withFreshIds('reports.AnnualReportSubmitted.v1', unitId, data), aggregateversion });
const returnal = (aggregateversion: number) => AnnualReportReturnedV1.parse({ ...withFreshIds('reports.AnnualReportReturned.v1', unitId), aggregateversion });
const acceptance = (aggregateversion: number) => AnnualReportAcceptedV1.parse({ ...withFreshIds('reports.AnnualReportAccepted.v1', unitId), aggregateversion });
const reopening = (aggregateversion: number) => AnnualReportReopenedV1.parse({ ...withFreshIds('reports.AnnualReportReopened.v1', unitId), aggregateversion });

const fold = (events: readonly AnnualReportEvent[]) => foldReport(events.map(reportStepOf));

describe('the status of an annual report', () => {
  it('is returned, with why and by whom, after a late submission is sent back; the late flag stays', () => {
    // Prepare
    const returned = returnal(4);
    const events = [draft(1, { version: 1 }), submission(2, { late: true, version: 2 }), returned];

    // Act
    const state = fold(events);

    // Assess
    expect(state).toEqual({
      status: 'returned',
      late: true,
      version: returned.data.version,
      changedAt: returned.time,
      returned: { by: 'disciplineCommission', reason: returned.data.reason },
    });
  });

  it('is accepted after a resubmission in time, with the late flag of that last submission and no return left', () => {
    // Prepare
    const accepted = acceptance(6);
    const events = [draft(1), submission(2, { late: true }), returnal(4), submission(5, { late: false, resubmission: true }), accepted];

    // Act
    const state = fold(events);

    // Assess
    expect(state).toEqual({ status: 'accepted', late: false, version: accepted.data.version, changedAt: accepted.data.acceptedAt, returned: null });
  });

  it('comes out the same whatever order the events arrive in, and when one is delivered twice', () => {
    // Prepare
    const events = [draft(1), submission(2, { late: true }), returnal(4), submission(5, { late: false }), acceptance(6)];
    const arrived = [events[4]!, events[2]!, events[0]!, events[3]!, events[1]!, events[2]!];

    // Act
    const state = fold(arrived);

    // Assess
    expect(state).toEqual(fold(events));
    expect(state?.status).toBe('accepted');
  });

  it('stays returned while the unit saves drafts of its revision, which move the version and the time of the last change', () => {
    // Prepare
    const revision = draft(5, { version: 4 });

    // Act
    const state = fold([draft(1), submission(2), returnal(4), revision]);

    // Assess
    expect(state).toMatchObject({ status: 'returned', version: 4, changedAt: revision.time, returned: { by: 'disciplineCommission' } });
  });

  it('is reopened when the upper level reopens it after the deadline, and a draft alone is a draft', () => {
    // Act
    const reopened = fold([draft(1), reopening(3)]);
    const drafted = fold([draft(1)]);
    const nothing = fold([]);

    // Assess
    expect(reopened).toMatchObject({ status: 'reopened', late: false, changedAt: reopening(3).time });
    expect(drafted).toMatchObject({ status: 'draft', late: false });
    expect(nothing).toBeUndefined();
  });
});

describe('the annual report overview of the cycle', () => {
  const units = ['无报告', '草稿', '迟交', '退回', '迟交已接收'].map((name, i) => ({ id: `u${i}`, name }));
  const reports = new Map([
    ['u1', fold([draft(1)])],
    ['u2', fold([draft(1), submission(2, { late: true })])],
    ['u3', fold([draft(1), submission(2), returnal(4)])],
    ['u4', fold([draft(1), submission(2, { late: true }), acceptance(6)])],
  ]);

  it('counts each status, a missing unit included, and gives each unit its report in detail', () => {
    // Act
    const overview = annualReportCycle(2026, units, (id) => reports.get(id), true);

    // Assess
    expect(overview.counts).toEqual({ missing: 1, draft: 1, submitted: 1, returned: 1, accepted: 1, reopened: 0 });
    expect(overview.units.map((u) => [u.name, u.status, u.report?.status, u.report?.late])).toEqual([
      ['无报告', 'missing', 'missing', false],
      ['草稿', 'draft', 'draft', false],
      ['迟交', 'late', 'submitted', true],
      ['退回', 'returned', 'returned', false],
      ['迟交已接收', 'accepted', 'accepted', true],
    ]);
    expect(overview.units[3]?.report?.returned).toEqual({ by: 'disciplineCommission', reason: returnal(4).data.reason });
  });

  it('keeps the first answer without detail: an accepted report has submitted, a returned one is missing, late is of the last submission', () => {
    // Act
    const overview = annualReportCycle(2026, units, (id) => reports.get(id), false);

    // Assess
    expect(overview).toEqual({
      year: 2026,
      expected: 5,
      submitted: 2,
      late: 2,
      missing: 3,
      units: [
        { unitId: 'u0', parentId: null, name: '无报告', status: 'missing' },
        { unitId: 'u1', parentId: null, name: '草稿', status: 'draft' },
        { unitId: 'u2', parentId: null, name: '迟交', status: 'late' },
        { unitId: 'u3', parentId: null, name: '退回', status: 'returned' },
        { unitId: 'u4', parentId: null, name: '迟交已接收', status: 'accepted' },
      ],
    });
  });
});
