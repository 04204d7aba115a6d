import { compareVersions, decide, evolve, isLocked, type AnnualReport, type ReportCommand, type ReportContent, type ReportEvent, type ReportItem } from '../../src/domain/annualReport.js';
import { annualReportDeadline, chengduStatement } from '../../src/config.js';
import { ConflictError, NotFoundError, RuleError } from '#shared/errors.js';
import type { Actor } from '#events/people.js';
import { deciderSpec } from '#shared/test/support/decider.js';

const deadline = annualReportDeadline(2026);
const actor: Actor = { subject: 'p1', role: 'unit_secretary', unitId: 'u1' };
const upper: Actor = { subject: 'p9', role: 'discipline_inspector', unitId: 'u0' };
/** The annual report decider at a moment, for an actor: given events, when a command, then events. */
const at = (moment: string, by: Actor = actor) =>
  deciderSpec({ decide: (command: ReportCommand, state: AnnualReport | undefined) => decide(command, state, { now: new Date(moment), deadline, actor: by }), evolve });

const items: ReportItem[] = [
  { itemId: 'i1', part: 'list', heading: '党委（党组）主体责任清单', text: '研究部署党风廉政建设' },
  { itemId: 'S1-01', part: 'statement', heading: '履行全面从严治党主体责任情况', text: '研究部署党风廉政建设和反腐败工作的次数与内容' },
];
const sections = [{ title: '主体责任', content: '落实' }];
const content = (answers: Record<string, string> = {}, summary = '初稿'): ReportContent => ({ summary, sections, answers, attachments: [] });
const draftSaved = (version: number, c: ReportContent = content()): ReportEvent => ({
  type: 'reports.AnnualReportDraftSaved.v1',
  data: { unitId: 'u1', year: 2026, sectionCount: c.sections.length, version, actor },
  content: c,
});
const submitted = (submittedAt: string, late: boolean, version = 1, resubmission = false, due = '2027-01-31T23:59:59.000+08:00'): ReportEvent => ({
  type: 'reports.AnnualReportSubmitted.v1',
  data: { unitId: 'u1', year: 2026, submittedAt, deadline: due, late, version, resubmission, actor },
});
const full = { i1: '召开专题会议4次', 'S1-01': '全年研究部署4次' };
const save = (c: ReportContent): ReportCommand => ({ kind: 'saveDraft', unitId: 'u1', year: 2026, ...c });
const submit: ReportCommand = { kind: 'submit', unitId: 'u1', year: 2026, items };

describe('the annual report decider', () => {
  it('is due on 31 January of the next year, 23:59:59 China Standard Time, and takes the deadline from configuration', () => {
    // Act
    const custom = annualReportDeadline(2026, { annualReportDue: '02-15T18:00:00', utcOffset: '+08:00' });

    // Assess
    expect(deadline.toISOString()).toBe('2027-01-31T15:59:59.000Z');
    expect(custom.toISOString()).toBe('2027-02-15T10:00:00.000Z');
  });

  it('holds Chengdu’s statement template: 5 categories, 24 required items, ids unique', () => {
    // Act
    const ids = chengduStatement.flatMap((c) => c.items.map((i) => i.itemId));

    // Assess
    expect(chengduStatement).toHaveLength(5);
    expect(ids).toHaveLength(24);
    expect(new Set(ids).size).toBe(24);
  });

  it('given nothing, when a draft is saved, then it is version 1; saved again, version 2, the content replaced', () => {
    // Act
    const first = at('2027-01-02T09:00:00+08:00').given([]).when(save(content({ i1: 'a' }))).then([draftSaved(1, content({ i1: 'a' }))]);
    const second = at('2027-01-03T09:00:00+08:00').given([draftSaved(1, content({ i1: 'a' }))]).when(save(content(full, '二稿'))).then([draftSaved(2, content(full, '二稿'))]);

    // Assess
    expect(first).toMatchObject({ status: 'draft', draft: 1, version: 1, answers: { i1: 'a' } });
    expect(second).toMatchObject({ status: 'draft', draft: 2, version: 2, summary: '二稿', answers: full });
  });

  it('given a draft missing a required item, when it is submitted, then it is refused naming the item in Chinese and by id', () => {
    // Prepare
    const spec = at('2027-01-20T09:00:00+08:00').given([draftSaved(1, content({ i1: '已答', 'S1-01': '   ' }))]);

    // Act
    const refusal = (() => {
      try {
        spec.when(submit).then([]);
      } catch (error) {
        return error as RuleError;
      }
      throw new Error('not refused');
    })();

    // Assess
    expect(refusal).toBeInstanceOf(RuleError);
    expect(refusal.errors).toEqual([{ path: 'answers.S1-01', message: '第2项（述责述廉·履行全面从严治党主体责任情况）「研究部署党风廉政建设和反腐败工作的次数与内容」未填写' }]);
  });

  it.each([
    ['at the last second of 31 January', false, '2027-01-31T23:59:59.999+08:00'],
    ['one second after', true, '2027-02-01T00:00:00+08:00'],
  ])('given a complete draft, when it is submitted %s, then late is %s', (_when, late, moment) => {
    // Act
    const state = at(moment).given([draftSaved(1, content(full))]).when(submit).then([submitted(toCst(moment), late)]);

    // Assess
    expect(state).toMatchObject({ status: 'submitted', late, submittedDraft: 1 });
  });

  it('runs submit → return with a reason → save → resubmit → accept', () => {
    // Prepare
    const returned: ReportEvent = { type: 'reports.AnnualReportReturned.v1', data: { unitId: 'u1', year: 2026, version: 1, by: 'disciplineCommission', reason: '请补充', actor: upper }, at: '2027-01-10T09:00:00.000+08:00' };
    const history = [draftSaved(1, content(full)), submitted('2027-01-05T09:00:00.000+08:00', false)];

    // Act
    const afterReturn = at('2027-01-10T09:00:00+08:00', upper).given(history).when({ kind: 'return', unitId: 'u1', year: 2026, by: 'disciplineCommission', reason: '请补充' }).then([returned]);
    const edited = at('2027-01-11T09:00:00+08:00').given([...history, returned]).when(save(content(full, '修改稿'))).then([draftSaved(2, content(full, '修改稿'))]);
    const resubmitted = at('2027-01-12T09:00:00+08:00')
      .given([...history, returned, draftSaved(2, content(full, '修改稿'))])
      .when(submit)
      .then([submitted('2027-01-12T09:00:00.000+08:00', false, 2, true)]);
    const accepted = at('2027-01-13T09:00:00+08:00', upper)
      .given([...history, returned, draftSaved(2, content(full, '修改稿')), submitted('2027-01-12T09:00:00.000+08:00', false, 2, true)])
      .when({ kind: 'accept', unitId: 'u1', year: 2026 })
      .then([{ type: 'reports.AnnualReportAccepted.v1', data: { unitId: 'u1', year: 2026, version: 2, acceptedAt: '2027-01-13T09:00:00.000+08:00', actor: upper } }]);

    // Assess
    expect(afterReturn).toMatchObject({ status: 'returned', returned: { by: 'disciplineCommission', reason: '请补充' } });
    expect(edited).toMatchObject({ status: 'returned', draft: 2 });
    expect(resubmitted).toMatchObject({ status: 'submitted', submittedDraft: 2 });
    expect(accepted).toMatchObject({ status: 'accepted' });
  });

  it('refuses to return or accept a report that is not submitted, and to edit one that is submitted or accepted', () => {
    // Act / Assess
    at('2027-01-10T09:00:00+08:00', upper).given([draftSaved(1)]).when({ kind: 'accept', unitId: 'u1', year: 2026 }).thenThrows(ConflictError);
    at('2027-01-10T09:00:00+08:00', upper).given([]).when({ kind: 'return', unitId: 'u1', year: 2026, by: 'upperCommittee', reason: 'x' }).thenThrows(ConflictError);
    at('2027-01-10T09:00:00+08:00').given([draftSaved(1, content(full)), submitted('2027-01-05T09:00:00.000+08:00', false)]).when(save(content(full))).thenThrows(ConflictError);
    at('2027-01-10T09:00:00+08:00').given([]).when(submit).thenThrows(NotFoundError);
  });

  it('after the deadline: a late submission, then entry locked after a return, until a reopening with a new deadline', () => {
    // Prepare: submitted late, then returned
    const late = submitted('2027-02-03T09:00:00.000+08:00', true);
    const returned: ReportEvent = { type: 'reports.AnnualReportReturned.v1', data: { unitId: 'u1', year: 2026, version: 1, by: 'upperCommittee', reason: '补充', actor: upper }, at: '2027-02-04T09:00:00.000+08:00' };
    const history = [draftSaved(1, content(full)), late, returned];
    const reopened: ReportEvent = {
      type: 'reports.AnnualReportReopened.v1',
      data: { unitId: 'u1', year: 2026, reason: '同意补报', deadline: '2027-02-20T23:59:59.000+08:00', actor: upper },
    };

    // Act / Assess: locked
    at('2027-02-05T09:00:00+08:00').given(history).when(save(content(full))).thenThrows(ConflictError);
    at('2027-02-05T09:00:00+08:00').given(history).when(submit).thenThrows(ConflictError);
    expect(isLocked(history.reduce<AnnualReport | undefined>(evolve, undefined), new Date('2027-02-05T09:00:00+08:00'), deadline)).toBe(true);
    // Reopening needs a future deadline
    at('2027-02-05T09:00:00+08:00', upper).given(history).when({ kind: 'reopen', unitId: 'u1', year: 2026, reason: '同意补报', deadline: new Date('2027-02-01T00:00:00+08:00') }).thenThrows(RuleError);
    at('2027-02-05T09:00:00+08:00', upper)
      .given(history)
      .when({ kind: 'reopen', unitId: 'u1', year: 2026, reason: '同意补报', deadline: new Date('2027-02-20T23:59:59+08:00') })
      .then([reopened]);
    // Reopened: the unit submits again, on time for the new deadline
    const again = at('2027-02-10T09:00:00+08:00')
      .given([...history, reopened])
      .when(submit)
      .then([submitted('2027-02-10T09:00:00.000+08:00', false, 1, true, '2027-02-20T23:59:59.000+08:00')]);
    expect(again).toMatchObject({ status: 'submitted', reopened: { deadline: '2027-02-20T23:59:59.000+08:00' } });
  });

  it('refuses to reopen before the deadline, or an accepted report', () => {
    // Act / Assess
    at('2027-01-20T09:00:00+08:00', upper).given([draftSaved(1)]).when({ kind: 'reopen', unitId: 'u1', year: 2026, reason: 'x', deadline: new Date('2027-03-01T00:00:00+08:00') }).thenThrows(RuleError);
    const accepted: ReportEvent = { type: 'reports.AnnualReportAccepted.v1', data: { unitId: 'u1', year: 2026, version: 1, acceptedAt: '2027-01-20T09:00:00.000+08:00', actor: upper } };
    at('2027-02-20T09:00:00+08:00', upper)
      .given([draftSaved(1, content(full)), submitted('2027-01-05T09:00:00.000+08:00', false), accepted])
      .when({ kind: 'reopen', unitId: 'u1', year: 2026, reason: 'x', deadline: new Date('2027-03-01T00:00:00+08:00') })
      .thenThrows(ConflictError);
  });

  it('compares two versions item by item: added, changed, removed and same', () => {
    // Act
    const changes = compareVersions(items, content({ i1: '旧' }, '总体'), { ...content({ i1: '新', 'S1-01': '补' }, '总体'), sections: [] });

    // Assess
    expect(changes.map((c) => [c.itemId, c.change])).toEqual([
      ['i1', 'changed'],
      ['S1-01', 'added'],
      ['summary', 'same'],
      ['section:主体责任', 'removed'],
    ]);
  });
});

/** A moment written in China Standard Time as the decider stamps it (milliseconds always shown). */
const toCst = (moment: string) => new Date(new Date(moment).getTime() + 8 * 3600_000).toISOString().replace('Z', '+08:00');
