/**
 * The interviews service's HTTP bodies, paths, queries and answers. The manifest names them; the
 * OpenAPI document is generated from them.
 */
import { z } from 'zod';
import { CalendarDate, Id, LongText, Text, UnitId, Year, YearParam } from '#shared/http/inputs.js';
import { SourceKind, TalkKind } from '#events/interviews/parts.js';
import { EducationForm } from '#events/interviews/EducationSessionHeld.v1.js';

export const UnitPath = z.object({ unitId: UnitId });
export const TalkPath = z.object({ talkId: Id('talk') });
export const NoticePath = z.object({ noticeId: Id('warning notice') });
export const YearQuery = z.object({ year: YearParam });

const PersonIds = (max: number) => z.array(Id('person')).max(max);

/** Where a talk or a notice comes from; `note` says what a hand-entered clue (a hotline call, online opinion) was. */
export const SourceInput = z
  .strictObject({
    kind: SourceKind,
    /** The record behind it: required for the kinds of other services (a key task's quarter `<taskId>#Q<n>`, a comment's or a rectification item's id). */
    id: z.string().max(80).regex(/^[0-9A-Za-z#:._-]+$/, '来源编号格式不正确 / not a record id').optional(),
    note: Text(500).optional(),
  })
  .meta({ examples: [{ kind: 'hotline', note: '12388 热线反映该单位公务用车管理不规范' }] });
export type SourceInput = z.infer<typeof SourceInput>;

/** Body of `POST /api/units/{unitId}/talks`: a talk proposed, or planned, with the people of the unit to be talked to. */
export const ProposeTalkBody = z
  .strictObject({
    kind: TalkKind,
    source: SourceInput,
    /** The joint talk's trigger situation: a code of `GET /api/joint-talk-situations`. */
    trigger: z.string().max(40).optional(),
    scheduledOn: CalendarDate.optional(),
    interviewees: PersonIds(20).min(1),
    subject: Text(200),
  })
  .meta({ examples: [{ kind: 'warning', source: { kind: 'hotline', note: '群众反映公务用车管理不规范' }, scheduledOn: '2027-05-12', interviewees: ['0196a0f2-3b7c-7d1e-9f00-1a2b3c4d5e70'], subject: '公务用车管理不规范' }] });
export type ProposeTalkBody = z.infer<typeof ProposeTalkBody>;

/** The four convenors of a joint talk, each in a post of the host unit. */
export const JointConvenors = z.strictObject({
  partySecretary: Id('person'),
  deputySecretary: Id('person'),
  disciplineChief: Id('person'),
  organisationChief: Id('person'),
});

/** Body of `POST /api/talks/{talkId}/record`: the talk was held; its record. */
export const RecordTalkBody = z
  .strictObject({
    heldOn: CalendarDate,
    /** Who convened it: the four leaders of a joint talk, or the leaders of any other kind (persons in posts). */
    convenors: z.union([JointConvenors, PersonIds(10).min(1)]),
    attendees: PersonIds(20).default([]),
    problems: z.array(Text(1_000)).min(1).max(30),
    demands: z.array(Text(1_000)).min(1).max(30),
    followUp: LongText(2_000).default(''),
    /** The interviewee holds a post below division level: the record is filed with the office (备案). */
    belowDivisionLevel: z.boolean().default(false),
  })
  .meta({ examples: [{ heldOn: '2027-05-12', convenors: ['0196a0f2-3b7c-7d1e-9f00-1a2b3c4d5e70'], problems: ['公务用车登记不全'], demands: ['一个月内完成清理'] }] });
export type RecordTalkBody = z.infer<typeof RecordTalkBody>;

/** Body of `POST /api/talks/{talkId}/positions`: the caller's stated position (表态). */
export const PositionBody = z.strictObject({ text: Text(2_000) }).meta({ examples: [{ text: '诚恳接受批评，立即制定整改方案。' }] });

/** Body of `POST /api/talks/{talkId}/rectification-plan`: each item becomes a rectification item of the reports service. */
export const PlanBody = z
  .strictObject({ items: z.array(z.strictObject({ action: Text(500), dueDate: CalendarDate })).min(1).max(20) })
  .meta({ examples: [{ items: [{ action: '逐户完成危房改造', dueDate: '2027-08-31' }] }] });
export type PlanBody = z.infer<typeof PlanBody>;

export const TalkStatus = z.enum(['suggested', 'proposed', 'approved', 'held', 'rectifying', 'closed']);

const PersonView = z.object({ personId: z.string(), unitId: z.string(), name: z.string(), title: z.string() });

/** Who must act next on a talk, and what. */
export const NextStep = z.object({ step: z.string(), who: z.string(), personIds: z.array(z.string()) }).nullable();

export const TalkView = z.object({
  talkId: z.string(),
  kind: TalkKind,
  status: TalkStatus,
  unitId: z.string(),
  unitName: z.string(),
  hostUnitId: z.string(),
  subject: z.string(),
  source: z.object({ kind: SourceKind, id: z.string(), summary: z.string() }),
  trigger: z.object({ code: z.string(), text: z.string() }).nullable(),
  scheduledOn: z.string().nullable(),
  heldOn: z.string().nullable(),
  suggested: z.boolean(),
  proposedBy: z.string(),
  proposedAt: z.string(),
  approvedBy: z.string().nullable(),
  interviewees: z.array(PersonView),
  convenors: z.array(PersonView.extend({ as: z.string() })),
  attendees: z.array(PersonView),
  problems: z.array(z.string()),
  demands: z.array(z.string()),
  followUp: z.string(),
  filedWithOffice: z.boolean(),
  /** Who states a position, and what each said once they have. */
  positions: z.array(z.object({ person: PersonView, text: z.string().nullable(), at: z.string().nullable() })),
  plan: z.array(z.object({ requestId: z.string(), action: z.string(), dueDate: z.string(), rectificationId: z.string().nullable(), status: z.enum(['requested', 'open', 'closed']) })),
  next: NextStep,
  revision: z.number().int(),
});
export type TalkView = z.infer<typeof TalkView>;

/**
 * A talk as lists give it: the calendar's entry, its steps and who must act next, but not the
 * record's words (who convened and attended, the problems, demands, positions and follow-up), which
 * only `GET /api/talks/{talkId}` gives, and records that it gave them.
 */
export const TalkSummary = TalkView.omit({ convenors: true, attendees: true, problems: true, demands: true, followUp: true, positions: true }).extend({
  positions: z.array(z.object({ person: PersonView, stated: z.boolean() })),
});
export type TalkSummary = z.infer<typeof TalkSummary>;

export const TalkList = z.object({ talks: z.array(TalkSummary) });

export const JointSituations = z.object({ situations: z.array(z.object({ code: z.string(), text: z.string(), fromText: z.boolean() })) });

export const AccessLog = z.object({ recordId: z.string(), accesses: z.array(z.object({ at: z.string(), subject: z.string(), role: z.string(), unitId: z.string().nullable() })) });

/** Body of `POST /api/units/{unitId}/warning-notices`. */
export const IssueNoticeBody = z
  .strictObject({
    personId: Id('person'),
    leaderInChargeId: Id('person').optional(),
    source: SourceInput,
    tendency: Text(2_000),
    demands: Text(2_000),
    replyDueDate: CalendarDate,
    /** A rectification the unit must carry out, opened as a rectification item of the reports service. */
    rectification: z.strictObject({ action: Text(500), dueDate: CalendarDate }).optional(),
  })
  .meta({ examples: [{ personId: '0196a0f2-3b7c-7d1e-9f00-1a2b3c4d5e70', source: { kind: 'supervision', note: '日常监督发现' }, tendency: '多次在工作日午间饮酒', demands: '立即纠正并书面说明', replyDueDate: '2027-05-20' }] });
export type IssueNoticeBody = z.infer<typeof IssueNoticeBody>;

/** Body of `POST /api/warning-notices/{noticeId}/reply`. */
export const ReplyBody = z.strictObject({ text: Text(5_000) }).meta({ examples: [{ text: '已深刻反思，自即日起杜绝工作日饮酒。' }] });

/** Body of `POST /api/warning-notices/{noticeId}/review`. */
export const ReviewBody = z
  .strictObject({ decision: z.enum(['accept', 'return']), reason: Text(1_000).optional(), replyDueDate: CalendarDate.optional() })
  .meta({ examples: [{ decision: 'accept' }, { decision: 'return', reason: '整改措施不具体', replyDueDate: '2027-05-30' }] });
export type ReviewBody = z.infer<typeof ReviewBody>;

export const NoticeStatus = z.enum(['issued', 'replied', 'returned', 'accepted']);

export const NoticeView = z.object({
  noticeId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  issuingUnitId: z.string(),
  person: PersonView,
  leaderInCharge: PersonView.nullable(),
  source: z.object({ kind: SourceKind, id: z.string(), summary: z.string() }),
  tendency: z.string(),
  demands: z.string(),
  issuedAt: z.string(),
  replyDueAt: z.string(),
  status: NoticeStatus,
  overdue: z.boolean(),
  replies: z.array(z.object({ text: z.string(), at: z.string(), onTime: z.boolean(), decision: z.enum(['accepted', 'returned']).nullable(), reason: z.string().nullable() })),
  rectification: z.object({ requestId: z.string(), action: z.string(), dueDate: z.string(), rectificationId: z.string().nullable(), status: z.enum(['requested', 'open', 'closed']) }).nullable(),
  revision: z.number().int(),
});
export type NoticeView = z.infer<typeof NoticeView>;

/**
 * A notice as lists give it (the ledger, the person's own): whom, from where, when due, its status
 * and its replies' dates and decisions, but not the tendency, the demands or the replies' words,
 * which only `GET /api/warning-notices/{noticeId}` gives, and records that it gave them.
 */
export const NoticeSummary = NoticeView.omit({ tendency: true, demands: true, replies: true }).extend({
  replies: z.array(z.object({ at: z.string(), onTime: z.boolean(), decision: z.enum(['accepted', 'returned']).nullable() })),
});
export type NoticeSummary = z.infer<typeof NoticeSummary>;

export const NoticeList = z.object({ notices: z.array(NoticeSummary) });

/** Body of `POST /api/units/{unitId}/education-plans`. */
export const EducationPlanBody = z
  .strictObject({ year: Year, title: Text(200), content: LongText(10_000), sessionsPlanned: z.number().int().min(0).max(500) })
  .meta({ examples: [{ year: 2027, title: '2027年度廉政教育计划', content: '每季度开展一次警示教育。', sessionsPlanned: 4 }] });

/** Body of `POST /api/units/{unitId}/education-sessions`. */
export const EducationSessionBody = z
  .strictObject({ heldOn: CalendarDate, form: EducationForm, topic: Text(200), attendance: z.number().int().min(1).max(100_000) })
  .meta({ examples: [{ heldOn: '2027-03-08', form: 'warningEducation', topic: '观看警示教育片', attendance: 42 }] });

/** Body of `POST /api/units/{unitId}/trainings`: a newly appointed cadre's pre-appointment integrity training. */
export const TrainingBody = z
  .strictObject({ personId: Id('person'), course: Text(200), completedOn: CalendarDate })
  .meta({ examples: [{ personId: '0196a0f2-3b7c-7d1e-9f00-1a2b3c4d5e70', course: '新任职干部任前廉政培训班', completedOn: '2027-04-02' }] });

export const EducationLedger = z.object({
  unitId: z.string(),
  year: z.number().int(),
  plan: z.object({ planId: z.string(), title: z.string(), content: z.string(), sessionsPlanned: z.number().int(), filedAt: z.string(), commissionUnitId: z.string() }).nullable(),
  sessions: z.array(z.object({ sessionId: z.string(), heldOn: z.string(), form: EducationForm, topic: z.string(), attendance: z.number().int() })),
  trainings: z.array(z.object({ trainingId: z.string(), person: PersonView, course: z.string(), completedOn: z.string() })),
});

/** One unit's yearly sums of both ledgers, as its discipline body sums them. */
export const LedgerSumsRow = z.object({
  unitId: z.string(),
  unitName: z.string(),
  planFiled: z.number().int(),
  sessions: z.number().int(),
  attendance: z.number().int(),
  trainings: z.number().int(),
  noticesIssued: z.number().int(),
  repliesOnTime: z.number().int(),
  repliesLate: z.number().int(),
  repliesAccepted: z.number().int(),
  repliesReturned: z.number().int(),
  repliesOverdue: z.number().int(),
  talksHeld: z.record(TalkKind, z.number().int()),
  talksSuggested: z.number().int(),
});
export const LedgerSums = z.object({ unitId: z.string(), year: z.number().int(), rows: z.array(LedgerSumsRow), total: LedgerSumsRow.omit({ unitId: true, unitName: true }) });
export type LedgerSumsRow = z.infer<typeof LedgerSumsRow>;
