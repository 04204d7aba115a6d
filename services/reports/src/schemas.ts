import { z } from 'zod';
import { CalendarDate, Id, Instant, LongText, Month, QuarterNumber, QuarterParam, Text, UnitId, Year, YearParam } from '#shared/http/inputs.js';
import { Evidence } from '#events/reports/parts.js';
import { PersonRef } from '#events/people.js';

/** Path of the annual report routes: the unit and the year reported on. */
export const ReportPath = z.object({ unitId: UnitId, year: YearParam });

/** The attachments an item cites, by id: stored attachments of the same unit. */
const AttachmentIds = z.array(Id('attachment')).max(20);

/** Answers by item id (list items and statement items), each at most 5,000 characters. */
const Answers = z
  .record(z.string().max(64), LongText(5_000))
  .refine((a) => Object.keys(a).length <= 200, '最多 200 个条目 / at most 200 items')
  .meta({ description: 'Answers by item id: the ids of the report structure (GET the report)' });

/** Body of `PUT /api/units/{unitId}/annual-reports/{year}`: a new draft version. */
export const SaveDraftBody = z
  .strictObject({
    summary: LongText(20_000),
    sections: z.array(z.strictObject({ title: Text(200), content: LongText(100_000) })).max(50).optional(),
    answers: Answers.optional(),
    attachmentIds: AttachmentIds.optional(),
  })
  .meta({ examples: [{ summary: '2026年度履行主体责任情况', sections: [{ title: '主体责任', content: '召开专题会议研究部署党风廉政建设工作。' }], answers: { 'S1-01': '全年召开党委会专题研究党风廉政建设4次。' } }] });
export type SaveDraftBody = z.infer<typeof SaveDraftBody>;

const ReportStatus = z.enum(['draft', 'submitted', 'returned', 'accepted']);

export const AnnualReportView = z.object({
  unitId: z.string(),
  year: z.number().int(),
  status: ReportStatus,
  summary: z.string(),
  sections: z.array(z.object({ title: z.string(), content: z.string() })),
  answers: z.record(z.string(), z.string()),
  attachments: z.array(Evidence),
  version: z.number().int(),
  draft: z.number().int(),
  submittedAt: z.string().optional(),
  submittedDraft: z.number().int().optional(),
  late: z.boolean().optional(),
  returned: z.object({ by: z.enum(['upperCommittee', 'disciplineCommission']), reason: z.string(), at: z.string() }).optional(),
  acceptedAt: z.string().optional(),
  reopened: z.object({ reason: z.string(), deadline: z.string() }).optional(),
});
export type AnnualReportView = z.infer<typeof AnnualReportView>;

const ReportItemView = z.object({ itemId: z.string(), part: z.enum(['list', 'statement']), heading: z.string(), text: z.string(), answered: z.boolean() });

/** `GET /api/units/{unitId}/annual-reports/{year}`: the report, its structure and what is missing. */
export const ReportWithStructure = z.object({
  unitId: z.string(),
  year: z.number().int(),
  status: z.union([ReportStatus, z.literal('notStarted')]),
  report: AnnualReportView.nullable(),
  items: z.array(ReportItemView),
  missing: z.array(z.string()),
  deadline: z.string(),
  locked: z.boolean(),
});

export const ReportHistory = z.object({ unitId: z.string(), year: z.number().int(), versions: z.array(z.object({ draft: z.number().int(), savedAt: z.string(), savedBy: z.string() })) });

const VersionParam = z.string().regex(/^[1-9][0-9]{0,5}$/, '版本号须为正整数 / a version is a positive integer').transform(Number).meta({ examples: ['1'] });
export const CompareQuery = z.strictObject({ from: VersionParam, to: VersionParam });

export const Comparison = z.object({
  unitId: z.string(),
  year: z.number().int(),
  from: z.number().int(),
  to: z.number().int(),
  changed: z.number().int(),
  items: z.array(z.object({ itemId: z.string(), text: z.string(), before: z.string(), after: z.string(), change: z.enum(['added', 'removed', 'changed', 'same']) })),
});

export const ReturnBody = z.strictObject({ reason: Text(2_000) }).meta({ examples: [{ reason: '第一责任人履责情况过于笼统，请补充具体事例。' }] });
export const ReopenBody = z.strictObject({ reason: Text(2_000), deadline: Instant }).meta({ examples: [{ reason: '因系统故障未能按时报送，经研究同意重新开放。', deadline: '2027-02-15T23:59:59+08:00' }] });

export const UnitPath = z.strictObject({ unitId: UnitId });
export const YearQuery = z.strictObject({ year: YearParam });

export const ScheduleHearingBody = z.strictObject({ year: Year, scheduledAt: Instant }).meta({ examples: [{ year: 2026, scheduledAt: '2027-03-20T09:00:00+08:00' }] });
export const HearingPath = z.strictObject({ unitId: UnitId, hearingId: Id('hearing') });
export const CommentBody = z
  .strictObject({ kind: z.enum(['question', 'comment']), memberName: Text(50), text: Text(5_000) })
  .meta({ examples: [{ kind: 'comment', memberName: '周敏', text: '对下级党组织履责情况的督导检查不够，需建立定期督查机制。' }] });
const CommentView = z.object({ commentId: z.string(), kind: z.enum(['question', 'comment']), member: PersonRef, text: z.string(), at: z.string(), rectificationIds: z.array(z.string()) });
const HearingView = z.object({
  hearingId: z.string(),
  unitId: z.string(),
  year: z.number().int(),
  commissionUnitId: z.string(),
  secretary: PersonRef,
  scheduledAt: z.string(),
  comments: z.array(CommentView),
  revision: z.number().int(),
});
export const HearingResult = HearingView;
export const CommentResult = CommentView;
export const HearingMinutes = z.object({ unitId: z.string(), year: z.number().int(), hearings: z.array(HearingView) });

export const CommentPath = z.strictObject({ unitId: UnitId, hearingId: Id('hearing'), commentId: Id('comment') });
export const OpenRectificationBody = z.strictObject({ action: Text(2_000), dueDate: CalendarDate }).meta({ examples: [{ action: '建立对下级党组织的季度督查制度并落实', dueDate: '2027-06-30' }] });
export const RectificationPath = z.strictObject({ unitId: UnitId, rectificationId: Id('rectification') });
export const EvidenceBody = z.strictObject({ note: Text(2_000), attachmentIds: AttachmentIds }).meta({ examples: [{ note: '已印发季度督查制度并开展第一次督查', attachmentIds: [] }] });
export const VerifyBody = z
  .strictObject({ decision: z.enum(['close', 'reject']), reason: Text(2_000).optional() })
  .meta({ examples: [{ decision: 'reject', reason: '佐证材料不足，请补充督查记录' }] });
const RectificationView = z.object({
  rectificationId: z.string(),
  unitId: z.string(),
  source: z.object({ kind: z.string(), id: z.string() }),
  action: z.string(),
  dueDate: z.string(),
  status: z.enum(['open', 'evidenceSubmitted', 'closed']),
  evidence: z.array(Evidence),
  history: z.array(z.object({ at: z.string(), status: z.enum(['open', 'evidenceSubmitted', 'closed']), note: z.string(), by: z.string() })),
  revision: z.number().int(),
  overdue: z.boolean(),
});
export const RectificationResult = RectificationView;
export const RectificationList = z.object({ unitId: z.string(), rectifications: z.array(RectificationView) });

const Milestone = z.strictObject({ date: CalendarDate, text: Text(500) });
export const AddKeyTaskBody = z
  .strictObject({ year: Year, title: Text(200), responsiblePersonId: Id('person'), leadOffice: Text(100), goal: Text(2_000), measures: Text(5_000), milestones: z.array(Milestone).max(24) })
  .meta({
    examples: [
      {
        year: 2027,
        title: '建立班子成员廉政风险点台账',
        responsiblePersonId: '0196a0f2-3b7c-7d1e-9f00-1a2b3c4d5e70',
        leadOffice: '党政办',
        goal: '班子成员廉政风险点全覆盖',
        measures: '逐岗排查、分级评定、季度复核',
        milestones: [{ date: '2027-03-31', text: '完成排查' }],
      },
    ],
  });
export const KeyTaskPath = z.strictObject({ unitId: UnitId, taskId: Id('task') });
export const ProgressBody = z
  .strictObject({ note: Text(2_000), attachmentIds: AttachmentIds, requestsClosing: z.boolean().optional() })
  .meta({ examples: [{ note: '已完成全部岗位排查，申请销号', attachmentIds: [], requestsClosing: true }] });
export const CloseBody = z.strictObject({ memberName: Text(50) }).meta({ examples: [{ memberName: '周敏' }] });
export const RateBody = z
  .strictObject({ quarter: QuarterNumber, light: z.enum(['red', 'yellow', 'green']), reason: Text(2_000) })
  .meta({ examples: [{ quarter: 1, light: 'yellow', reason: '进度滞后于时间节点' }] });
export const RatingPath = z.strictObject({ unitId: UnitId, taskId: Id('task'), quarter: QuarterParam });
export const RatingCommentBody = z.strictObject({ memberName: Text(50), text: Text(2_000) }).meta({ examples: [{ memberName: '周敏', text: '请对照时间节点加快推进。' }] });
const KeyTaskView = z.object({
  taskId: z.string(),
  unitId: z.string(),
  year: z.number().int(),
  title: z.string(),
  responsible: PersonRef,
  leadOffice: z.string(),
  goal: z.string(),
  measures: z.string(),
  milestones: z.array(z.object({ date: z.string(), text: z.string() })),
  progress: z.array(z.object({ at: z.string(), note: z.string(), evidence: z.array(Evidence), by: z.string() })),
  closingRequested: z.boolean(),
  closed: z.object({ confirmedBy: PersonRef, at: z.string() }).nullable(),
  ratings: z.array(z.object({ quarter: z.number().int(), light: z.enum(['red', 'yellow', 'green']), reason: z.string(), at: z.string(), by: z.string() })),
  comments: z.array(z.object({ quarter: z.number().int(), member: PersonRef, text: z.string(), at: z.string() })),
  revision: z.number().int(),
  lights: z.record(z.string(), z.enum(['red', 'yellow', 'green'])),
});
export const KeyTaskResult = KeyTaskView;
export const KeyTaskList = z.object({ unitId: z.string(), year: z.number().int(), tasks: z.array(KeyTaskView) });

export const FileLedgerBody = z
  .strictObject({ month: Month, entries: z.array(Text(2_000)).min(1).max(50) })
  .meta({ examples: [{ month: '2027-04', entries: ['参加廉政教育专题学习1次', '对分管领域开展廉政谈话2人次'] }] });
export const LedgerPath = z.strictObject({ unitId: UnitId, month: Month, personId: Id('person') });
export const MonthQuery = z.strictObject({ month: Month });
export const CheckLedgerBody = z.strictObject({ result: z.enum(['passed', 'failed']), note: LongText(2_000) }).meta({ examples: [{ result: 'passed', note: '' }] });
const LedgerView = z.object({
  ledgerId: z.string(),
  unitId: z.string(),
  person: PersonRef,
  month: z.string(),
  entries: z.array(z.string()),
  filedAt: z.string(),
  check: z.object({ result: z.enum(['passed', 'failed']), note: z.string(), at: z.string(), by: z.string() }).nullable(),
  revision: z.number().int(),
});
export const LedgerResult = LedgerView;
export const LedgerList = z.object({ unitId: z.string(), month: z.string(), filings: z.array(LedgerView) });
export const CirculateBody = z.strictObject({ year: Year, quarter: QuarterNumber }).meta({ examples: [{ year: 2027, quarter: 1 }] });
export const CirculationPath = z.strictObject({ unitId: UnitId, year: YearParam, quarter: QuarterParam });
export const Circulation = z.object({
  circulationId: z.string(),
  unitId: z.string(),
  year: z.number().int(),
  quarter: z.number().int(),
  scope: z.enum(['public', 'system', 'subtree']),
  filers: z.number().int(),
  shortfalls: z.array(z.object({ unitId: z.string(), unitName: z.string(), person: PersonRef, missing: z.array(z.string()), failed: z.array(z.string()) })),
  circulatedAt: z.string(),
});
