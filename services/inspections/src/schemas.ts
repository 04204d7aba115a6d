/**
 * The inspections service's HTTP bodies, paths, queries and answers. The manifest names them; the
 * OpenAPI document is generated from them.
 */
import { z } from 'zod';
import { CalendarDate, Id, LongText, Text, UnitId, YearParam } from '#shared/http/inputs.js';
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
  revision: z.number().int(),
});

export const CaseSummary = CaseView.pick({ caseId: true, unitId: true, unitName: true, person: true, handlingUnitId: true, source: true, situation: true, status: true, outcome: true, openedOn: true, closedOn: true, followUpDueOn: true }).extend({
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
