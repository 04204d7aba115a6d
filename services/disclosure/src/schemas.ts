/**
 * The disclosure service's HTTP bodies, paths, queries and answers. The manifest names them; the
 * OpenAPI document is generated from them. What the public routes answer is built from these
 * allow-lists, never from a stored item.
 */
import { z } from 'zod';
import { Id, LongText, Month, Text, UnitId } from '#shared/http/inputs.js';
import { ClueKind, DisclosureScope, PublicationKind, PublicPayload, Rating, ReferralKind } from '#events/disclosure/parts.js';
import { receiptLength } from './domain/receipts.js';
import { attachmentRules } from './domain/attachments.js';

export const UnitPath = z.object({ unitId: UnitId });
export const ComplaintPath = z.object({ complaintId: Id('complaint') });

/** A mainland mobile number, or a landline with its area code. */
const Phone = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '请填写正确的手机号码或座机号码 / not a phone number')
  .meta({ examples: ['13800000000'] });

/** How the complainant may be reached: optional, encrypted at rest, read by the handling body only. */
export const ContactInput = z.strictObject({
  name: Text(40).optional(),
  phone: Phone.optional(),
  email: z.email().max(200).optional(),
});
export type ContactInput = z.infer<typeof ContactInput>;

/** A file attached to a complaint: its name and its bytes in base64. */
export const AttachmentInput = z.strictObject({
  name: Text(100),
  contentBase64: z.base64().max(Math.ceil((attachmentRules.maxBytes * 4) / 3) + 4, `附件超过 ${attachmentRules.maxBytes / 1024 / 1024} MB / larger than the limit`),
});

/** Body of `POST /api/public/complaints`: a complaint from anyone, without an account. */
export const FileComplaintBody = z
  .strictObject({
    /** The unit complained about: one of `GET /api/public/units`. */
    unitId: UnitId,
    /** The complaint is about the unit's discipline body itself: it goes one level up. */
    aboutDisciplineBody: z.boolean().default(false),
    facts: LongText(5_000),
    contact: ContactInput.optional(),
    /** Up to 3 files (JPEG, PNG or PDF by their content, 1 MB each), sealed at rest and read by the handling body only. */
    attachments: z.array(AttachmentInput).max(attachmentRules.maxFiles).optional(),
  })
  .meta({ examples: [{ unitId: '0196a0f2-3b7c-7d1e-9f00-1a2b3c4d5e6f', aboutDisciplineBody: false, facts: '该单位公务用车存在私用情况，周末多次停放在景区停车场。' }] });
export type FileComplaintBody = z.infer<typeof FileComplaintBody>;

/** A choice of a form: one of its values, or empty (a form sends an empty field, read as absent). */
const FormChoice = <T extends z.ZodType>(choice: T) => z.union([choice, z.literal('')]).optional();

/**
 * The complaint form of the public site (`application/x-www-form-urlencoded`, every field a
 * string, an empty field absent): checked as {@link FileComplaintBody} by the page, which shows
 * what is wrong beside each field rather than a problem.
 */
export const ComplaintForm = z
  .strictObject({
    unitId: z.string().max(100).optional(),
    aboutDisciplineBody: FormChoice(z.literal('on')),
    facts: z.string().max(20_000).optional(),
    contactName: z.string().max(200).optional(),
    contactPhone: z.string().max(200).optional(),
    contactEmail: z.string().max(400).optional(),
  })
  .meta({ examples: [{ unitId: '0196a0f2-3b7c-7d1e-9f00-1a2b3c4d5e6f', facts: '该单位公务用车存在私用情况。' }] });
export type ComplaintForm = z.infer<typeof ComplaintForm>;

/** A receipt code as typed: its groups may be separated by spaces or hyphens. */
export const ReceiptCode = z
  .string()
  .min(receiptLength)
  .max(40)
  .regex(/^[0-9A-Za-z -]+$/, '回执码只含字母和数字 / letters and digits only')
  .meta({ examples: ['7K3M-9QXP-2D4R-HT6W-1BNV'] });

/** Body of `POST /api/public/complaints/lookup`: the code is sent in the body, never in an address that logs keep. */
export const LookupBody = z.strictObject({ receiptCode: ReceiptCode }).meta({ examples: [{ receiptCode: '7K3M-9QXP-2D4R-HT6W-1BNV' }] });

/** Body of `POST /api/public/complaints/rating`. */
export const RateBody = z.strictObject({ receiptCode: ReceiptCode, rating: Rating }).meta({ examples: [{ receiptCode: '7K3M-9QXP-2D4R-HT6W-1BNV', rating: 'satisfied' }] });

/** The lookup and rating forms of the public site: the fields of their JSON routes, any text, a code that cannot be one shown as unknown. */
export const LookupForm = z.strictObject({ receiptCode: z.string().max(100).optional() }).meta({ examples: [{ receiptCode: '7K3M-9QXP-2D4R-HT6W-1BNV' }] });
export const RateForm = z.strictObject({ receiptCode: z.string().max(100).optional(), rating: FormChoice(Rating) }).meta({ examples: [{ receiptCode: '7K3M-9QXP-2D4R-HT6W-1BNV', rating: 'satisfied' }] });

export const ComplaintStatus = z.enum(['received', 'accepted', 'answered', 'referred']);
export type ComplaintStatus = z.infer<typeof ComplaintStatus>;

/** What filing answers: the receipt code, shown once; a second filing of the same complaint within the hour gets the same code. */
export const Filed = z.object({ receiptCode: z.string(), duplicate: z.boolean(), status: ComplaintStatus, dueOn: z.string() });

/**
 * What a lookup answers, the same shape whether the code is known or not: an unknown code gets
 * `found: false` and nulls, never a 404 that a guesser could tell apart by its status.
 */
export const ReceiptView = z.object({
  found: z.boolean(),
  status: ComplaintStatus.nullable(),
  statusText: z.string(),
  filedOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  handlingBody: z.string().nullable(),
  answer: z.string().nullable(),
  answeredOn: z.string().nullable(),
  rating: Rating.nullable(),
  canRate: z.boolean(),
});
export type ReceiptView = z.infer<typeof ReceiptView>;

/** A unit one may complain about, as the public form lists them. */
export const PublicUnits = z.object({ units: z.array(z.object({ id: z.string(), name: z.string(), parentId: z.string().nullable() })) });

/** The live figures of a unit's discipline body and every one below it (Loudi's: handled, in progress, overdue, satisfaction). */
export const Figures = z.object({
  unitId: z.string(),
  unitName: z.string(),
  received: z.number().int(),
  handled: z.number().int(),
  inProgress: z.number().int(),
  overdue: z.number().int(),
  rated: z.number().int(),
  satisfied: z.number().int(),
  /** Satisfied and basically satisfied over rated, as a percentage with one decimal; null before the first rating. */
  satisfactionRate: z.number().nullable(),
});
export const FiguresQuery = z.object({ unitId: UnitId });
/** `?unitId=`: the figures page of a unit and each unit right below it; the top units without it. */
export const FiguresPageQuery = z.object({ unitId: UnitId.optional() });

/** Body of `POST /api/complaints/{complaintId}/answer`. */
export const AnswerBody = z.strictObject({ answer: LongText(5_000) }).meta({ examples: [{ answer: '经核查，反映问题属实，已责令该单位整改并对相关人员进行批评教育。' }] });

/** Body of `POST /api/complaints/{complaintId}/refer`. */
export const ReferBody = z
  .strictObject({ to: ReferralKind, note: Text(1_000) })
  .meta({ examples: [{ to: 'case', note: '反映问题线索具体，转立案审查。' }] });

/** A complaint as its handling body lists it: no contact details, no facts. */
export const ComplaintSummary = z.object({
  complaintId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  channel: z.string(),
  /** A village committee's clue: its kind, by which the town sorts them, and its month. */
  clue: z.object({ kind: ClueKind, month: z.string() }).nullable(),
  status: ComplaintStatus,
  raised: z.boolean(),
  filedOn: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
  /** The day the answer deadline was escalated to the commission above, past its due day unanswered. */
  escalatedOn: z.string().nullable(),
});
export const ComplaintList = z.object({ complaints: z.array(ComplaintSummary) });

/** A complaint as its handling body reads it, the contact details decrypted; every read is logged. */
/** An attachment as the handling body sees it listed; its file is read on its own route. */
export const AttachmentView = z.object({ index: z.number().int(), name: z.string(), mediaType: z.string(), size: z.number().int(), sha256: z.string() });
/** An attachment's file, for the handling body: its bytes in base64. */
export const AttachmentFile = AttachmentView.extend({ contentBase64: z.string() });
export const AttachmentPath = z.object({ complaintId: Id('complaint'), index: z.coerce.number().int().min(0).max(attachmentRules.maxFiles - 1).meta({ examples: [0] }) });

export const ComplaintView = ComplaintSummary.extend({
  handlingUnitId: z.string(),
  aboutDisciplineBody: z.boolean(),
  facts: z.string(),
  contact: z.object({ name: z.string().optional(), phone: z.string().optional(), email: z.string().optional() }).nullable(),
  answer: z.string().nullable(),
  answeredOn: z.string().nullable(),
  referral: z.object({ to: ReferralKind, note: z.string(), referredOn: z.string() }).nullable(),
  rating: Rating.nullable(),
  attachments: z.array(AttachmentView),
  version: z.number().int(),
});
export type ComplaintView = z.infer<typeof ComplaintView>;

/** Body of `POST /api/units/{unitId}/village-clues`: a village supervisory committee's clues of a month. */
export const VillageCluesBody = z
  .strictObject({
    month: Month,
    clues: z.array(z.strictObject({ kind: ClueKind, summary: Text(2_000) })).min(1).max(50),
  })
  .meta({ examples: [{ month: '2027-04', clues: [{ kind: 'finance', summary: '村集体经济合作社四月份有一笔 3 万元支出无会议记录。' }] }] });
export type VillageCluesBody = z.infer<typeof VillageCluesBody>;
export const MonthQuery = z.object({ month: Month });

/** A committee's clues of a month, with how the town handled each. */
export const VillageClues = z.object({
  month: z.string(),
  handlingUnitId: z.string(),
  clues: z.array(z.object({ complaintId: z.string(), kind: ClueKind, summary: z.string(), status: ComplaintStatus, answer: z.string().nullable() })),
});

export const ItemPath = z.object({ itemId: Id('publication item') });

/** `?unitId=&kind=`: the items about a unit and the units below it, of one kind; every published item without them. */
export const ItemsQuery = z.object({ unitId: UnitId.optional(), kind: PublicationKind.optional() });

/** A published item as anyone may read it: its title and its redacted payload, nothing else. */
export const PublicItem = z.object({
  itemId: z.string(),
  kind: PublicationKind,
  unitId: z.string(),
  title: z.string(),
  payload: PublicPayload,
  publishedOn: z.string(),
});
export const PublicItems = z.object({ items: z.array(PublicItem) });

/** A published item as a signed-in unit reads it, with the scope it was published within. */
export const SignedInItem = PublicItem.extend({ scope: DisclosureScope, scopeUnitId: z.string() });
export const SignedInItems = z.object({ items: z.array(SignedInItem) });

export const PublicationStatus = z.enum(['proposed', 'published', 'rejected', 'withdrawn', 'refused']);

/** `?status=`: the review queue's items in one state; every item without it. */
export const ReviewQuery = z.object({ status: PublicationStatus.optional() });

/** An item as its reviewing body sees it: where it came from, its state, and what it publishes (or would). */
export const ReviewItem = z.object({
  itemId: z.string(),
  kind: PublicationKind,
  unitId: z.string(),
  reviewUnitId: z.string(),
  status: PublicationStatus,
  scope: DisclosureScope,
  source: z.object({ type: z.string(), id: z.string() }),
  proposedOn: z.string(),
  reviewer: z.object({ subject: z.string(), role: z.string() }).nullable(),
  reviewedOn: z.string().nullable(),
  reason: z.string().nullable(),
  withdrawnOn: z.string().nullable(),
  /** What is published, or would be if approved now; null for a refused item. */
  publication: z.object({ title: z.string(), payload: PublicPayload }).nullable(),
  version: z.number().int(),
});
export const ReviewItems = z.object({ items: z.array(ReviewItem) });

/** Body of `POST /api/publication-items/{itemId}/approve`: the scope, if not the one proposed. */
export const ApproveBody = z.strictObject({ scope: DisclosureScope.optional() }).meta({ examples: [{ scope: 'public' }] });
/** Body of a rejection or a withdrawal: why. */
export const ReasonBody = z.strictObject({ reason: Text(500) }).meta({ examples: [{ reason: '涉及正在办理的事项，暂不公开' }] });
