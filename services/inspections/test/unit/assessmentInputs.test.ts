/**
 * What the assessment measures of a unit, from the facts of its events: the year's first submission,
 * the year's red lights, the items due in the year, the year's letters and notices, the measures
 * decided in the year, each value with the events it came from.
 */
import { measuredFrom, type Fact } from '../../src/domain/assessmentInputs.js';

const facts: Fact[] = [
  { fact: 'reportSubmitted', year: 2026, late: true, resubmission: true, at: '2027-02-10T10:00:00+08:00', eventId: 'resubmitted' },
  { fact: 'reportSubmitted', year: 2026, late: false, resubmission: false, at: '2027-01-20T10:00:00+08:00', eventId: 'first' },
  { fact: 'reportSubmitted', year: 2025, late: true, resubmission: false, at: '2026-02-10T10:00:00+08:00', eventId: 'lastYear' },
  { fact: 'light', year: 2026, light: 'red', eventId: 'red1' },
  { fact: 'light', year: 2026, light: 'yellow', eventId: 'yellow' },
  { fact: 'light', year: 2027, light: 'red', eventId: 'nextYear' },
  { fact: 'rectOpened', rectificationId: 'r1', dueDate: '2026-05-31', eventId: 'o1' },
  { fact: 'rectOpened', rectificationId: 'r2', dueDate: '2026-12-31', eventId: 'o2' },
  { fact: 'rectOpened', rectificationId: 'r3', dueDate: '2027-01-31', eventId: 'o3' },
  { fact: 'rectClosed', rectificationId: 'r1', eventId: 'c1' },
  { fact: 'rectClosed', rectificationId: 'r3', eventId: 'c3' },
  { fact: 'letterIssued', year: 2026, letterId: 'l1', eventId: 'i1' },
  { fact: 'letterIssued', year: 2026, letterId: 'l2', eventId: 'i2' },
  { fact: 'letterIssued', year: 2026, letterId: 'l3', eventId: 'i3' },
  { fact: 'letterCompleted', year: 2026, letterId: 'l1', eventId: 'd1' },
  { fact: 'notice', noticeId: 'n1', year: 2026, eventId: 'n1' },
  { fact: 'noticeReply', noticeId: 'n1', onTime: false, eventId: 'late' },
  { fact: 'measure', measureId: 'm1', grade: 3, year: 2026, eventId: 'removal' },
  { fact: 'measure', measureId: 'm2', grade: 1, year: 2026, eventId: 'criticism' },
  { fact: 'measure', measureId: 'm3', grade: 4, year: 2025, eventId: 'lastYearsMeasure' },
  { fact: 'patrolFinding', findingId: 'f1', requestId: 'r1', year: 2026, eventId: 'finding1' },
  { fact: 'patrolFinding', findingId: 'f2', requestId: 'r9', year: 2026, eventId: 'finding2' },
];

describe('the measured values of a unit', () => {
  it('take the year’s facts only, each with its events', () => {
    const m = measuredFrom(facts, 2026);
    expect(m.reportTimeliness).toEqual({ value: 1, basis: [{ kind: 'event', id: 'first' }] });
    expect(m.reportCompleteness).toEqual({ value: 0.5, basis: [{ kind: 'event', id: 'first' }] });
    expect(m.lights).toEqual({ value: 1, basis: [{ kind: 'event', id: 'red1' }] });
    expect(m.rectificationClosure).toEqual({ value: 0.5, basis: ['o1', 'o2', 'c1'].map((id) => ({ kind: 'event', id })) });
    expect(m.signingCoverage!.value).toBe(0.3333);
    expect(m.talksAndNotices).toEqual({ value: 0, basis: [{ kind: 'event', id: 'n1' }] });
    expect(m.accountability).toEqual({ value: 0.75, basis: [{ kind: 'event', id: 'removal' }, { kind: 'event', id: 'criticism' }] });
    // Of two findings, the one whose item r1 is closed counts.
    expect(m.patrol).toEqual({ value: 0.5, basis: ['finding1', 'finding2', 'c1'].map((id) => ({ kind: 'event', id })) });
  });

  it('give a unit with no facts nothing for what it owed, and full marks where nothing was owed', () => {
    const m = measuredFrom([], 2026);
    expect(Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v!.value]))).toEqual({
      reportTimeliness: 0,
      reportCompleteness: 0,
      lights: 0,
      rectificationClosure: 1,
      signingCoverage: 0,
      talksAndNotices: 1,
      accountability: 1,
      patrol: 1,
    });
  });

  it('count a late first submission half, and an accepted report whole', () => {
    const m = measuredFrom([{ fact: 'reportSubmitted', year: 2026, late: true, resubmission: false, at: '2027-02-02T10:00:00+08:00', eventId: 's' }, { fact: 'reportAccepted', year: 2026, eventId: 'a' }], 2026);
    expect([m.reportTimeliness!.value, m.reportCompleteness]).toEqual([0.5, { value: 1, basis: [{ kind: 'event', id: 'a' }] }]);
  });

  it('never take accountability below nothing', () => {
    const many: Fact[] = Array.from({ length: 5 }, (_, i) => ({ fact: 'measure', measureId: `m${i}`, grade: 4, year: 2026, eventId: `e${i}` }));
    expect(measuredFrom(many, 2026).accountability!.value).toBe(0);
  });
});
