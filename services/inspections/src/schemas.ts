/**
 * The inspections service's HTTP bodies, paths, queries and answers. The manifest names them; the
 * OpenAPI document is generated from them.
 */
import { z } from 'zod';
import { CalendarDate, Id, LongText, Text, UnitId, Year, YearParam } from '#shared/http/inputs.js';
import { AppointmentKind, CaseSourceKind, InquiryKind, MeasureKind } from '#events/inspections/parts.js';

export const UnitPath = z.object({ unitId: UnitId });
export const CasePath = z.object({ caseId: Id('case') });
export const PersonPath = z.object({ unitId: UnitId, personId: Id('person') });
export const YearQuery = z.object({ year: YearParam });

const Code = z.string().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/, '情形代码格式不正确 / not a situation code');

/** The clue a case starts from; `id` names the record behind it (required but for a clue entered by hand), `note` says what it was. */
export const CaseSourceInput = z
  .strictObject({
    kind: CaseSourceKind,
    id: z.string().max(80).regex(/^[0-9A-Za-z#:._-]+$/, '来源编号格式不正确 / not a record id').optional(),
    note: Text(500).optional(),
  })
  .meta({ examples: [{ kind: 'manual', note: '信访举报反映该同志违规收受礼金' }] });
export type CaseSourceInput = z.infer<typeof CaseSourceInput>;

/** Body of `POST /api/units/{unitId}/cases`: a case opened on a clue about a person in a post of the unit. */
export const OpenCaseBody = z
  .strictObject({
    personId: Id('person'),
    source: CaseSourceInput,
    facts: Text(10_000),
    /** A situation of `GET /api/double-inquiry-situations`: the case then also inquires into the committee and the commission. */
    situation: Code.optional(),
    openedOn: CalendarDate,
  })
  .meta({ examples: [{ personId: '0196a0f2-3b7c-7d1e-9f00-1a2b3c4d5e70', source: { kind: 'manual', note: '信访举报' }, facts: '违规收受管理服务对象礼金。', openedOn: '2027-06-01' }] });
export type OpenCaseBody = z.infer<typeof OpenCaseBody>;

export const InquiryBody = z
  .strictObject({ inquiry: InquiryKind, accountable: z.boolean(), finding: Text(5_000) })
  .meta({ examples: [{ inquiry: 'mainResponsibility', accountable: true, finding: '党委主体责任落实不力，对下属单位监管缺位。' }] });

export const MeasureBody = z
  .strictObject({ measure: MeasureKind, decidedOn: CalendarDate, basis: Text(2_000) })
  .meta({ examples: [{ measure: 'removal', decidedOn: '2027-07-15', basis: '依据《中国共产党问责条例》第八条' }] });
export type MeasureBody = z.infer<typeof MeasureBody>;

export const EscalateBody = z.strictObject({ reason: Text(1_000) }).meta({ examples: [{ reason: '涉及本级党委主要负责人，报上一级纪委处理' }] });

/** A clarification notice (澄清正名): the text to publish, written for the public. */
const ClarificationText = Text(2_000);

export const CloseBody = z
  .strictObject({ outcome: z.enum(['accountable', 'cleared']), closedOn: CalendarDate, clarification: ClarificationText.optional() })
  .meta({ examples: [{ outcome: 'accountable', closedOn: '2027-08-01' }] });
export type CloseBody = z.infer<typeof CloseBody>;

export const ExemptionRequestBody = z
  .strictObject({ situation: Code, reason: Text(5_000), requestedOn: CalendarDate })
  .meta({ examples: [{ situation: 'explorationWithoutRules', reason: '在改革试点中先行先试，未谋取私利。', requestedOn: '2027-06-20' }] });
export type ExemptionRequestBody = z.infer<typeof ExemptionRequestBody>;

export const ExemptionDecisionBody = z
  .strictObject({ grant: z.boolean(), decidedOn: CalendarDate, clarification: ClarificationText.optional() })
  .meta({ examples: [{ grant: true, decidedOn: '2027-07-20', clarification: '经核查，该同志在改革试点中出现的失误符合容错情形，予以免责，特此澄清正名。' }] });
export type ExemptionDecisionBody = z.infer<typeof ExemptionDecisionBody>;

export const LookBackBody = z
  .strictObject({ shortfall: z.boolean(), reason: Text(2_000).optional(), on: CalendarDate })
  .meta({ examples: [{ shortfall: true, reason: '问责偏轻，未追究分管领导责任', on: '2028-03-10' }] });

export const FollowUpBody = z.strictObject({ visitedOn: CalendarDate, notes: Text(2_000) }).meta({ examples: [{ visitedOn: '2028-01-10', notes: '思想稳定，工作状态良好。' }] });

export const OpinionBody = z
  .strictObject({ appointment: z.strictObject({ kind: AppointmentKind, post: Text(100), on: CalendarDate }), reasons: z.array(Text(500)).max(10).default([]) })
  .meta({ examples: [{ appointment: { kind: 'equivalent', post: '县财政局局长', on: '2028-02-01' } }] });
export type OpinionBody = z.infer<typeof OpinionBody>;

export const GiftBody = z
  .strictObject({ receivedOn: CalendarDate, giver: Text(200), item: Text(200), value: z.number().min(0).max(100_000_000), handling: z.enum(['refused', 'returned', 'handedIn']), note: LongText(1_000).default('') })
  .meta({ examples: [{ receivedOn: '2027-02-10', giver: '某工程承包商', item: '购物卡', value: 2000, handling: 'handedIn' }] });
export type GiftBody = z.infer<typeof GiftBody>;

const PersonView = z.object({ personId: z.string(), unitId: z.string(), name: z.string(), title: z.string() });
const BanView = z.object({ banId: z.string(), personId: z.string(), kind: z.enum(['equivalentPost', 'promotion']), from: z.string(), until: z.string(), caseId: z.string(), measure: MeasureKind });

export const CaseView = z.object({
  caseId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  person: PersonView,
  handlingUnitId: z.string(),
  source: z.object({ kind: CaseSourceKind, id: z.string(), note: z.string().nullable() }),
  facts: z.string(),
  situation: z.string().nullable(),
  inquiries: z.array(z.object({ kind: InquiryKind, status: z.enum(['open', 'concluded']), accountable: z.boolean().nullable(), finding: z.string().nullable() })),
  status: z.enum(['open', 'decided', 'closed', 'reopened']),
  outcome: z.enum(['accountable', 'cleared', 'exempted']).nullable(),
  measures: z.array(z.object({ measureId: z.string(), kind: MeasureKind, name: z.string(), grade: z.number().int(), decidedOn: z.string(), basis: z.string(), followUpDueOn: z.string(), bans: z.array(BanView) })),
  exemption: z.object({ situation: z.string(), requestedBy: z.string(), requestedOn: z.string(), reason: z.string(), decision: z.enum(['pending', 'granted', 'refused']), decidedOn: z.string().nullable() }).nullable(),
  clarification: z.object({ clarificationId: z.string(), text: z.string(), issuedOn: z.string() }).nullable(),
  escalations: z.array(z.object({ fromUnitId: z.string(), toUnitId: z.string(), reason: z.string(), on: z.string() })),
  lookBacks: z.array(z.object({ on: z.string(), shortfall: z.boolean(), reason: z.string().nullable() })),
  followUps: z.array(z.object({ visitId: z.string(), visitedOn: z.string(), notes: z.string() })),
  followUpDueOn: z.string().nullable(),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  typical: z.object({ summary: z.string(), markedOn: z.string() }).nullable().optional(),
  revision: z.number().int(),
});

export const CaseSummary = CaseView.pick({ caseId: true, unitId: true, unitName: true, person: true, handlingUnitId: true, source: true, situation: true, status: true, outcome: true, openedOn: true, closedOn: true, followUpDueOn: true, revision: true }).extend({
  measures: z.array(z.object({ kind: MeasureKind, name: z.string(), decidedOn: z.string() })),
});
export const CaseList = z.object({ unitId: z.string(), cases: z.array(CaseSummary) });

export const Situations = z.object({ situations: z.array(z.object({ code: z.string(), text: z.string(), fromText: z.boolean() })) });
export const AccessLog = z.object({ recordId: z.string(), accesses: z.array(z.object({ at: z.string(), subject: z.string(), role: z.string(), unitId: z.string().nullable() })) });

export const FileEntry = z.object({
  at: z.string(),
  /** What happened, in Chinese. */
  summary: z.string(),
  category: z.enum(['post', 'signing', 'reports', 'talk', 'notice', 'case', 'measure', 'ban', 'exemption', 'opinion', 'gift']),
  unitId: z.string(),
  /** The record behind the entry (a case, a talk, a letter…) and the event it came from. */
  recordId: z.string(),
  source: z.object({ topic: z.string(), eventId: z.string(), type: z.string() }),
});
export type FileEntry = z.infer<typeof FileEntry>;

export const IntegrityFile = z.object({
  person: z.object({ personId: z.string(), name: z.string(), posts: z.array(z.object({ unitId: z.string(), unitName: z.string(), title: z.string(), startDate: z.string().nullable(), endDate: z.string().nullable() })) }),
  entries: z.array(FileEntry),
  activeBans: z.array(BanView),
  openCases: z.array(z.object({ caseId: z.string(), unitId: z.string(), status: z.string(), openedOn: z.string() })),
});

export const OpinionView = z.object({
  opinionId: z.string(),
  unitId: z.string(),
  person: PersonView,
  appointment: z.object({ kind: AppointmentKind, post: z.string(), on: z.string() }),
  decision: z.enum(['agree', 'defer', 'reject']),
  reasons: z.array(z.string()),
  banIds: z.array(z.string()),
  openCases: z.number().int(),
  givenAt: z.string(),
});

export const GiftList = z.object({
  unitId: z.string(),
  year: z.number().int(),
  gifts: z.array(z.object({ giftId: z.string(), person: PersonView, receivedOn: z.string(), giver: z.string(), item: z.string(), value: z.number(), handling: z.enum(['refused', 'returned', 'handedIn']), note: z.string(), registeredAt: z.string() })),
  total: z.number(),
});

export const AssessmentPath = z.object({ assessmentId: Id('assessment') });
export const AssessedUnitPath = z.object({ assessmentId: Id('assessment'), assessedUnitId: UnitId });
export const EntryPath = z.object({ assessmentId: Id('assessment'), assessedUnitId: UnitId, indicatorId: Code });

/** Body of `POST /api/units/{unitId}/assessments`: the year-end assessment of the units of a category below the unit. */
export const StartAssessmentBody = z
  .strictObject({
    year: Year,
    /** Haining's sheet (main responsibility 60 of 100) or Chengdu's "double hundred". */
    configuration: z.enum(['haining', 'chengdu']),
    /** The unit category assessed and ranked (乡镇（街道）党委, 市直部门党组 …), as units are registered. */
    category: Text(60),
    /** Where the ranking is disclosed: anyone, every signed-in unit, or this unit's subtree. */
    disclosureScope: z.enum(['public', 'system', 'subtree']).default('subtree'),
    /** How many of the lowest-ranked units' heads get an admonishment talk. */
    admonishLowest: z.number().int().min(0).max(20).default(1),
  })
  .meta({ examples: [{ year: 2026, configuration: 'haining', category: '县（市、区）委', disclosureScope: 'subtree', admonishLowest: 1 }] });
export type StartAssessmentBody = z.infer<typeof StartAssessmentBody>;

export const EntryBody = z.strictObject({ points: z.number().min(0).max(100), note: Text(2_000) }).meta({ examples: [{ points: 18, note: '实地查看台账资料齐全，个别会议记录不规范' }] });
export type EntryBody = z.infer<typeof EntryBody>;

export const VetoBody = z
  .strictObject({ reason: Text(1_000), caseIds: z.array(Id('case')).max(20).default([]) })
  .meta({ examples: [{ reason: '本单位发生腐败窝案，党风廉政建设一票否决', caseIds: [] }] });
export type VetoBody = z.infer<typeof VetoBody>;

export const FeedbackBody = z
  .strictObject({ summary: Text(2_000), demands: z.array(z.strictObject({ action: Text(500), dueDate: CalendarDate })).min(1).max(20) })
  .meta({ examples: [{ summary: '主体责任落实总体较好，但责任传导层层递减。', demands: [{ action: '健全责任清单，逐级签订责任书', dueDate: '2027-03-31' }] }] });
export type FeedbackBody = z.infer<typeof FeedbackBody>;

const Grade = z.enum(['优秀', '良好', '合格', '不合格']);
const BasisView = z.array(z.object({ kind: z.enum(['event', 'entry']), id: z.string() }));

export const AssessmentSheet = z.object({
  unitId: z.string(),
  unitName: z.string(),
  indicators: z.array(
    z.object({
      indicatorId: z.string(),
      name: z.string(),
      partId: z.string(),
      /** How the value becomes points: a share (`ratio`), a deduction per counted case (`deduct`), or points the team enters (`entered`). */
      rule: z.enum(['ratio', 'deduct', 'entered']),
      value: z.number(),
      points: z.number(),
      outOf: z.number(),
      basis: BasisView,
      note: z.string().nullable(),
    }),
  ),
  parts: z.array(z.object({ partId: z.string(), name: z.string(), score: z.number(), outOf: z.number() })),
  overall: z.number(),
  vetoed: z.boolean(),
  veto: z.object({ reason: z.string(), caseIds: z.array(z.string()) }).nullable(),
  grade: Grade,
  rank: z.number().int(),
  admonish: z.boolean(),
  feedbackSheetId: z.string().nullable(),
});

export const AssessmentView = z.object({
  assessmentId: z.string(),
  unitId: z.string(),
  year: z.number().int(),
  configuration: z.enum(['haining', 'chengdu']),
  modelName: z.string(),
  category: z.string(),
  disclosureScope: z.enum(['public', 'system', 'subtree']),
  mainResponsibilityShare: z.number(),
  status: z.enum(['open', 'published']),
  publishedAt: z.string().nullable(),
  sheets: z.array(AssessmentSheet),
  revision: z.number().int(),
});

export const AssessmentList = z.object({
  unitId: z.string(),
  assessments: z.array(AssessmentView.pick({ assessmentId: true, unitId: true, year: true, configuration: true, modelName: true, category: true, status: true, publishedAt: true })),
});

export const FeedbackSheetView = z.object({
  sheetId: z.string(),
  assessmentId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  year: z.number().int(),
  overall: z.number(),
  grade: Grade,
  rank: z.number().int(),
  summary: z.string(),
  demands: z.array(z.object({ requestId: z.string(), action: z.string(), dueDate: z.string() })),
  issuedAt: z.string(),
});
export const FeedbackSheetList = z.object({ unitId: z.string(), sheets: z.array(FeedbackSheetView) });

export const SituationPath = z.object({ reportId: Id('situation report') });

/** Body of `POST /api/units/{unitId}/situation-reports`: a file of fund disbursements and the rules to check it by. */
export const ImportSituationBody = z
  .strictObject({
    title: Text(200),
    /** The unit whose funds the file lists: the unit or one below it. */
    concernedUnitId: UnitId,
    format: z.enum(['csv', 'xlsx']),
    /** CSV text, or the `.xlsx` workbook in base64; a header `人员编号,项目,期间,金额,账户`, then one payment a row (amounts in yuan, periods `YYYY-MM`). */
    content: LongText(6_000_000),
    rules: z.strictObject({
      standards: z.array(z.strictObject({ programme: Text(100), standardYuan: z.number().min(0).max(10_000_000) })).max(50).default([]),
      notEntitled: z.array(z.strictObject({ programme: Text(100), payeeId: Text(64) })).max(5_000).default([]),
      payeesPerAccount: z.number().int().min(1).max(50).default(3),
    }),
  })
  .meta({
    examples: [
      {
        title: '2026年第三季度惠民资金发放廉情抄告',
        concernedUnitId: '0196a0f2-3b7c-7d1e-9f00-1a2b3c4d5e70',
        format: 'csv',
        content: '人员编号,项目,期间,金额,账户\nP001,高龄补贴,2026-07,100,6222000011112222\nP001,高龄补贴,2026-07,100,6222000011112222\n',
        rules: { standards: [{ programme: '高龄补贴', standardYuan: 100 }], notEntitled: [], payeesPerAccount: 3 },
      },
    ],
  });
export type ImportSituationBody = z.infer<typeof ImportSituationBody>;

export const EndorseBody = z
  .strictObject({ instruction: Text(2_000), rectification: z.strictObject({ action: Text(500), dueDate: CalendarDate }) })
  .meta({ examples: [{ instruction: '请相关单位立即核查整改，追回违规资金。', rectification: { action: '逐户核查，追回重复发放资金', dueDate: '2027-03-31' } }] });
export type EndorseBody = z.infer<typeof EndorseBody>;

export const RecoveryBody = z
  .strictObject({ amountYuan: z.number().gt(0).max(100_000_000), recoveredOn: CalendarDate, note: Text(500) })
  .meta({ examples: [{ amountYuan: 100, recoveredOn: '2026-11-20', note: '已退缴至财政专户' }] });
export type RecoveryBody = z.infer<typeof RecoveryBody>;

const AnomalyView = z.object({ kind: z.enum(['duplicate', 'aboveStandard', 'notEntitled', 'sharedAccount']), rows: z.array(z.number().int()), atStakeFen: z.number().int(), detail: z.string() });

export const SituationView = z.object({
  reportId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  concernedUnitId: z.string(),
  concernedUnitName: z.string(),
  title: z.string(),
  year: z.number().int(),
  file: z.object({ rows: z.number().int(), sha256: z.string() }),
  anomalies: z.array(AnomalyView),
  summary: z.object({ anomalies: z.number().int(), atStakeFen: z.number().int(), byKind: z.array(z.object({ kind: z.string(), name: z.string(), count: z.number().int(), atStakeFen: z.number().int() })) }),
  status: z.enum(['compiled', 'issued']),
  compiledBy: z.string(),
  compiledAt: z.string(),
  endorsement: z.object({ by: z.string(), at: z.string(), instruction: z.string() }).nullable(),
  rectification: z.object({ requestId: z.string(), action: z.string(), dueDate: z.string() }).nullable(),
  recoveries: z.array(z.object({ amountFen: z.number().int(), on: z.string(), note: z.string(), by: z.string() })),
  recoveredFen: z.number().int(),
  revision: z.number().int(),
});
export const SituationList = z.object({ unitId: z.string(), reports: z.array(SituationView) });

export const PatrolPath = z.object({ patrolId: Id('patrol') });
export const LetterPath = z.object({ unitId: UnitId, letterId: Id('reminder letter') });
export const RecommendationPath = z.object({ unitId: UnitId, recommendationId: Id('recommendation') });

/** Body of `POST /api/units/{unitId}/patrols`: a patrol sent by the unit's committee to units below it. */
export const StartPatrolBody = z
  .strictObject({
    kind: z.enum(['routine', 'specialised']),
    /** What a specialised patrol looks at (惠民资金, 选人用人 …), or the round of a routine one. */
    subject: Text(200),
    team: z.array(z.strictObject({ name: Text(50), role: z.enum(['leader', 'deputyLeader', 'member']) })).min(1).max(30),
    coveredUnitIds: z.array(UnitId).min(1).max(50),
    from: CalendarDate,
    to: CalendarDate,
  })
  .meta({ examples: [{ kind: 'specialised', subject: '惠民惠农资金管理使用专项巡察', team: [{ name: '王某', role: 'leader' }], coveredUnitIds: ['0196a0f2-3b7c-7d1e-9f00-1a2b3c4d5e70'], from: '2026-09-01', to: '2026-10-31' }] });
export type StartPatrolBody = z.infer<typeof StartPatrolBody>;

export const FindingBody = z
  .strictObject({ unitId: UnitId, text: Text(2_000), rectification: z.strictObject({ action: Text(500), dueDate: CalendarDate }) })
  .meta({ examples: [{ unitId: '0196a0f2-3b7c-7d1e-9f00-1a2b3c4d5e70', text: '惠民资金发放审核把关不严，存在重复发放', rectification: { action: '逐户核查，追回重复发放资金', dueDate: '2027-03-31' } }] });
export type FindingBody = z.infer<typeof FindingBody>;

export const ReminderLetterBody = z
  .strictObject({ unitId: UnitId, findingIds: z.array(Id('finding')).min(1).max(50), demands: Text(2_000), replyDueDate: CalendarDate })
  .meta({ examples: [{ unitId: '0196a0f2-3b7c-7d1e-9f00-1a2b3c4d5e70', findingIds: ['0196a0f2-3b7c-7d1e-9f00-1a2b3c4d5e70'], demands: '请于期限内书面报告整改进展。', replyDueDate: '2027-01-31' }] });
export type ReminderLetterBody = z.infer<typeof ReminderLetterBody>;

export const WrittenReplyBody = z.strictObject({ text: Text(5_000) }).meta({ examples: [{ text: '已逐项制定整改措施，追回资金1.2万元。' }] });

export const RecommendationBody = z
  .strictObject({ leaderInChargeId: Id('person').optional(), issue: Text(2_000), recommendation: Text(2_000), replyDueDate: CalendarDate })
  .meta({ examples: [{ issue: '工程项目招投标监管存在漏洞', recommendation: '建立招投标全过程监督机制', replyDueDate: '2027-01-31' }] });
export type RecommendationBody = z.infer<typeof RecommendationBody>;

export const EcologyBody = z
  .strictObject({ year: Year, assessedBy: z.array(Text(50)).min(1).max(20), method: Text(1_000), content: Text(10_000), rating: z.enum(['good', 'fair', 'poor']), result: Text(5_000) })
  .meta({ examples: [{ year: 2026, assessedBy: ['县纪委监委', '县委组织部'], method: '个别谈话、问卷调查、数据比对', content: '班子团结、干部作风、信访举报情况', rating: 'fair', result: '政治生态总体向好，个别领域问题多发' }] });
export type EcologyBody = z.infer<typeof EcologyBody>;

const Reply = z.object({ text: z.string(), by: z.string(), at: z.string(), onTime: z.boolean() }).nullable();

export const PatrolView = z.object({
  patrolId: z.string(),
  unitId: z.string(),
  kind: z.enum(['routine', 'specialised']),
  subject: z.string(),
  team: z.array(z.object({ name: z.string(), role: z.enum(['leader', 'deputyLeader', 'member']) })),
  coveredUnits: z.array(z.object({ unitId: z.string(), name: z.string() })),
  from: z.string(),
  to: z.string(),
  findings: z.array(z.object({ findingId: z.string(), unitId: z.string(), text: z.string(), rectification: z.object({ requestId: z.string(), action: z.string(), dueDate: z.string() }), recordedAt: z.string() })),
  letters: z.array(z.object({ letterId: z.string(), unitId: z.string(), findingIds: z.array(z.string()), demands: z.string(), replyDueDate: z.string(), sentAt: z.string(), reply: Reply })),
  revision: z.number().int(),
});
export const PatrolList = z.object({ unitId: z.string(), patrols: z.array(PatrolView) });

export const ReminderLetterView = PatrolView.shape.letters.element.extend({ patrolId: z.string(), patrolSubject: z.string() });
export const ReminderLetterList = z.object({ unitId: z.string(), letters: z.array(ReminderLetterView) });

export const RecommendationView = z.object({
  recommendationId: z.string(),
  unitId: z.string(),
  issuingUnitId: z.string(),
  leaderInCharge: z.object({ personId: z.string(), unitId: z.string(), name: z.string() }).nullable(),
  issue: z.string(),
  recommendation: z.string(),
  replyDueDate: z.string(),
  issuedAt: z.string(),
  reply: Reply,
  revision: z.number().int(),
});
export const RecommendationList = z.object({ unitId: z.string(), recommendations: z.array(RecommendationView) });

export const EcologyView = z.object({ ecologyId: z.string(), unitId: z.string(), issuingUnitId: z.string(), year: z.number().int(), assessedBy: z.array(z.string()), method: z.string(), content: z.string(), rating: z.enum(['good', 'fair', 'poor']), result: z.string(), recordedAt: z.string() });
export const EcologyList = z.object({ unitId: z.string(), assessments: z.array(EcologyView) });

export const TypicalBody = z
  .strictObject({ summary: Text(2_000) })
  .meta({ examples: [{ summary: '某镇党委委员在工程项目招投标中违规干预，造成重大损失，受到免职处理。' }] });

export const CirculateBody = z.strictObject({ year: Year, quarter: z.number().int().min(1).max(4) }).meta({ examples: [{ year: 2026, quarter: 3 }] });

export const CirculationView = z.object({
  circulationId: z.string(),
  unitId: z.string(),
  year: z.number().int(),
  quarter: z.number().int(),
  casesOpened: z.number().int(),
  doubleInquiries: z.number().int(),
  measuresByGrade: z.object({ criticism: z.number().int(), admonishment: z.number().int(), organisational: z.number().int(), disciplinary: z.number().int() }),
  typicalCases: z.array(z.object({ caseId: z.string(), unitId: z.string(), summary: z.string(), measures: z.array(MeasureKind) })),
  circulatedAt: z.string(),
});
export const CirculationList = z.object({ unitId: z.string(), circulations: z.array(CirculationView) });
