import { decide, evolve, type AnnualReport } from '../../src/domain/annualReport.js';
import { annualReportDeadline } from '../../src/config.js';
import { ConflictError, NotFoundError } from '#shared/errors.js';

const draft: AnnualReport = { unitId: 'u1', year: 2026, status: 'draft', summary: 's', sections: [], version: 1 };
const deadline = annualReportDeadline(2026);

describe('the annual report decider', () => {
  it('is due on 31 January of the next year, 23:59:59 China Standard Time', () => {
    // Assess
    expect(deadline.toISOString()).toBe('2027-01-31T15:59:59.000Z');
  });

  it('takes the deadline from configuration', () => {
    // Act
    const custom = annualReportDeadline(2026, { annualReportDue: '02-15T18:00:00', utcOffset: '+08:00' });

    // Assess
    expect(custom.toISOString()).toBe('2027-02-15T10:00:00.000Z');
  });

  it.each([
    ['at the last second of 31 January', '2027-01-31T23:59:59.999+08:00', false],
    ['a week before', '2027-01-24T09:00:00+08:00', false],
    ['one second after', '2027-02-01T00:00:00+08:00', true],
    ['a year after', '2028-01-01T08:00:00+08:00', true],
  ])('submitted %s is late: %s', (_when, at, late) => {
    // Act
    const [event] = decide({ kind: 'submit', unitId: 'u1', year: 2026 }, draft, new Date(at), deadline);

    // Assess
    expect(event).toMatchObject({ type: 'reports.AnnualReportSubmitted.v1', data: { late, deadline: '2027-01-31T23:59:59.000+08:00' } });
  });

  it('refuses to submit a report that has no draft', () => {
    // Act / Assess
    expect(() => decide({ kind: 'submit', unitId: 'u1', year: 2026 }, undefined, new Date(), deadline)).toThrow(NotFoundError);
  });

  it('refuses a second submission and a draft after submission', () => {
    // Prepare
    const [submitted] = decide({ kind: 'submit', unitId: 'u1', year: 2026 }, draft, new Date('2027-01-02T00:00:00+08:00'), deadline);
    const state = evolve(draft, submitted!);

    // Act / Assess
    expect(state).toMatchObject({ status: 'submitted', late: false, version: 2 });
    expect(() => decide({ kind: 'submit', unitId: 'u1', year: 2026 }, state, new Date(), deadline)).toThrow(ConflictError);
    expect(() => decide({ kind: 'saveDraft', unitId: 'u1', year: 2026, summary: '', sections: [] }, state, new Date(), deadline)).toThrow(ConflictError);
  });

  it('keeps the latest draft and counts versions', () => {
    // Prepare
    const sections = [{ title: '主体责任', content: '落实' }];

    // Act
    const [saved] = decide({ kind: 'saveDraft', unitId: 'u1', year: 2026, summary: '新', sections }, draft, new Date(), deadline);
    const state = evolve(draft, saved!);

    // Assess
    expect(saved!.data).toEqual({ unitId: 'u1', year: 2026, sectionCount: 1 });
    expect(state).toEqual({ unitId: 'u1', year: 2026, status: 'draft', summary: '新', sections, version: 2 });
  });
});
