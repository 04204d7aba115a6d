import { decide, evolve, type AnnualReport, type ReportCommand, type ReportEvent, type Section } from '../../src/domain/annualReport.js';
import { annualReportDeadline } from '../../src/config.js';
import { ConflictError, NotFoundError } from '#shared/errors.js';
import { deciderSpec } from '#shared/test/support/decider.js';

const deadline = annualReportDeadline(2026);
/** The annual report decider at a moment: given events, when a command, then events. */
const at = (moment: string) =>
  deciderSpec({ decide: (command: ReportCommand, state: AnnualReport | undefined) => decide(command, state, new Date(moment), deadline), evolve });

const sections = [{ title: '主体责任', content: '落实' }];
const draftSaved = (summary = '初稿', s: readonly Section[] = []): ReportEvent => ({
  type: 'reports.AnnualReportDraftSaved.v1',
  data: { unitId: 'u1', year: 2026, sectionCount: s.length },
  draft: { summary, sections: s },
});
const submitted = (submittedAt: string, late: boolean): ReportEvent => ({
  type: 'reports.AnnualReportSubmitted.v1',
  data: { unitId: 'u1', year: 2026, submittedAt, deadline: '2027-01-31T23:59:59.000+08:00', late },
});

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

  it('given nothing, when a draft is saved, then the draft is saved at version 1', () => {
    // Act
    const state = at('2027-01-02T09:00:00+08:00').given([]).when({ kind: 'saveDraft', unitId: 'u1', year: 2026, summary: '初稿', sections }).then([draftSaved('初稿', sections)]);

    // Assess
    expect(state).toEqual({ unitId: 'u1', year: 2026, status: 'draft', summary: '初稿', sections, version: 1 });
  });

  it('given a draft, when it is saved again, then the latest draft is kept at the next version', () => {
    // Act
    const state = at('2027-01-03T09:00:00+08:00').given([draftSaved()]).when({ kind: 'saveDraft', unitId: 'u1', year: 2026, summary: '新', sections }).then([draftSaved('新', sections)]);

    // Assess
    expect(state).toMatchObject({ status: 'draft', summary: '新', sections, version: 2 });
  });

  it.each([
    ['at the last second of 31 January', false, '2027-01-31T23:59:59.999+08:00'],
    ['a week before', false, '2027-01-24T09:00:00+08:00'],
    ['one second after', true, '2027-02-01T00:00:00+08:00'],
    ['a year after', true, '2028-01-01T08:00:00+08:00'],
  ])('given a draft, when it is submitted %s, then late is %s', (_when, late, moment) => {
    // Act
    const state = at(moment).given([draftSaved()]).when({ kind: 'submit', unitId: 'u1', year: 2026 }).then([submitted(toCst(moment), late)]);

    // Assess
    expect(state).toMatchObject({ status: 'submitted', late, version: 2 });
  });

  it('given nothing, when a submission comes, then it is refused: there is no draft', () => {
    // Act / Assess
    at('2027-01-02T09:00:00+08:00').given([]).when({ kind: 'submit', unitId: 'u1', year: 2026 }).thenThrows(NotFoundError);
  });

  it('given a submitted report, when it is submitted again or a draft is saved, then both are refused', () => {
    // Prepare
    const history = [draftSaved(), submitted('2027-01-02T00:00:00.000+08:00', false)];

    // Act / Assess
    at('2027-01-05T09:00:00+08:00').given(history).when({ kind: 'submit', unitId: 'u1', year: 2026 }).thenThrows(ConflictError);
    at('2027-01-05T09:00:00+08:00').given(history).when({ kind: 'saveDraft', unitId: 'u1', year: 2026, summary: '', sections: [] }).thenThrows(ConflictError);
  });

  it('cannot evolve a submission with no draft before it', () => {
    // Act / Assess
    expect(() => evolve(undefined, submitted('2027-01-02T00:00:00.000+08:00', false))).toThrow('A report is submitted only after a draft');
  });
});

/** A moment written in China Standard Time as the decider stamps it (milliseconds always shown). */
const toCst = (moment: string) => new Date(new Date(moment).getTime() + 8 * 3600_000).toISOString().replace('Z', '+08:00');
