import { z } from 'zod';
import { CalendarDate, Id, LongText, Text, UnitId, Year, YearParam } from '#shared/http/inputs.js';
import { LetterParty, ListItem, ListSubject, Portfolio, PostRole, SignatureRecord, SignatureSuiteName } from '#events/signing/parts.js';

/** Body of `POST /api/units`. */
export const RegisterUnitBody = z
  .strictObject({
    name: Text(200),
    parentId: UnitId.optional(),
    category: Text(100),
  })
  .meta({ examples: [{ name: '北湖县', category: '县（市、区）委', parentId: '0196a0f2-3b7c-7d1e-9f00-1a2b3c4d5e6f' }] });
export type RegisterUnitBody = z.infer<typeof RegisterUnitBody>;

export const UnitView = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  category: z.string(),
});
export type UnitView = z.infer<typeof UnitView>;

export const UnitList = z.object({ units: z.array(UnitView) });

/** `{unitId}` in a path. */
export const UnitPath = z.strictObject({ unitId: UnitId });

/** Body of `POST /api/units/{unitId}/posts`. */
export const AssignPersonBody = z
  .strictObject({
    /** An existing person (one who already holds or held a post); a new person when absent. */
    personId: Id('person').optional(),
    name: Text(50),
    role: PostRole,
    title: Text(100),
    portfolio: z
      .strictObject({
        areas: z.array(Text(50)).max(20).optional(),
        unitIds: z.array(UnitId).max(200).optional(),
      })
      .optional(),
    startDate: CalendarDate,
  })
  .meta({ examples: [{ name: '李华', role: 'teamMember', title: '党委委员、副镇长', portfolio: { areas: ['财政', '农业农村'] }, startDate: '2027-01-05' }] });
export type AssignPersonBody = z.infer<typeof AssignPersonBody>;

export const PostPath = z.strictObject({ unitId: UnitId, postId: Id('post') });

/** Body of `POST /api/units/{unitId}/posts/{postId}/leave`. */
export const LeavePostBody = z.strictObject({ endDate: CalendarDate }).meta({ examples: [{ endDate: '2027-06-30' }] });
export type LeavePostBody = z.infer<typeof LeavePostBody>;

export const PostsQuery = z.strictObject({ includeEnded: z.enum(['true', 'false']).optional() });

export const PostView = z.object({
  postId: z.string(),
  unitId: z.string(),
  personId: z.string(),
  name: z.string(),
  role: PostRole,
  title: z.string(),
  portfolio: Portfolio,
  startDate: z.string(),
  endDate: z.string().nullable(),
  version: z.number().int(),
});
export const PostList = z.object({ posts: z.array(PostView) });

/** Body of `POST /api/units/{unitId}/responsibility-lists`. */
export const CreateListBody = z
  .strictObject({ year: Year, subject: ListSubject, postId: Id('post').optional() })
  .meta({ examples: [{ year: 2027, subject: 'committee' }] });
export type CreateListBody = z.infer<typeof CreateListBody>;

export const ListPath = z.strictObject({ unitId: UnitId, listId: Id('list') });

/** Items as an edit sends them: an existing item by its id, a new one without. */
const EditedItems = z
  .array(z.strictObject({ itemId: Id('item').optional(), text: Text(500), area: Text(50).nullable().optional() }))
  .min(1)
  .max(100);

/** Body of `PUT /api/units/{unitId}/responsibility-lists/{listId}`. */
export const EditListBody = z.strictObject({ items: EditedItems }).meta({ examples: [{ items: [{ text: '每季度专题研究党风廉政建设工作' }] }] });
export type EditListBody = z.infer<typeof EditListBody>;

export const YearQuery = z.strictObject({ year: YearParam });

export const ListView = z.object({
  listId: z.string(),
  unitId: z.string(),
  year: z.number().int(),
  subject: ListSubject,
  postId: z.string().nullable(),
  personId: z.string().nullable(),
  status: z.enum(['draft', 'published']),
  version: z.number().int(),
  items: z.array(ListItem),
  published: z.object({ version: z.number().int(), items: z.array(ListItem) }).nullable(),
  revision: z.number().int(),
});
export const ListList = z.object({ lists: z.array(ListView) });

/** Body of `POST /api/units/{unitId}/letters`. */
export const IssueLettersBody = z
  .strictObject({
    year: Year,
    /** Also the committee letter of every unit directly below (the city committee with each subordinate committee). */
    subordinates: z.boolean().optional(),
  })
  .meta({ examples: [{ year: 2027 }] });

export const LetterPath = z.strictObject({ letterId: Id('letter') });

export const LetterView = z.object({
  letterId: z.string(),
  version: z.number().int(),
  unitId: z.string(),
  year: z.number().int(),
  kind: z.enum(['committee', 'member']),
  title: z.string(),
  issuer: LetterParty,
  recipient: LetterParty,
  items: z.array(ListItem),
  suite: SignatureSuiteName,
  contentHash: z.string(),
  status: z.enum(['issued', 'completed', 'voided']),
  signatures: z.array(z.object({ party: z.enum(['issuer', 'recipient']), personId: z.string(), sequence: z.number().int(), hash: z.string(), signedAt: z.string() })),
  issuedAt: z.string(),
  replacesVersion: z.number().int().nullable(),
  seal: z.object({ keyId: z.string(), signature: z.string() }).nullable(),
});
export const LetterList = z.object({ letters: z.array(LetterView) });

export const IssueResult = z.object({
  issued: z.array(LetterView),
  notIssued: z.array(z.object({ who: z.string(), reason: z.string(), kind: z.enum(['committee', 'member']).nullable() })),
});

/** Body of `POST /api/letters/{letterId}/sign`: the version the signer read. */
export const SignLetterBody = z.strictObject({ version: z.number().int().min(1).max(10_000) }).meta({ examples: [{ version: 1 }] });

export const SignResult = z.object({ letter: LetterView, signature: SignatureRecord });

/** Body of `PUT /api/letters/{letterId}`: a correction, made as the next version. */
export const CorrectLetterBody = z
  .strictObject({ title: Text(100).optional(), items: EditedItems.optional() })
  .meta({ examples: [{ items: [{ text: '督促分管单位开展廉政风险排查' }] }] });
export type CorrectLetterBody = z.infer<typeof CorrectLetterBody>;

export const CorrectResult = z.object({ voided: LetterView, letter: LetterView });

/** Body of `POST /api/letters/{letterId}/withdraw`: why. */
export const WithdrawLetterBody = z.strictObject({ reason: Text(200) }).meta({ examples: [{ reason: '责任人已调离，撤回重新签订' }] });

const ChainBreak = z.object({
  sequence: z.number().int(),
  documentId: z.string(),
  reason: z.enum(['sequence', 'previousHash', 'hash', 'digitalSignature', 'unknownKey', 'document', 'contentHash', 'missing', 'head', 'record', 'seal']),
  message: z.string(),
});

export const VerifyResult = z.object({
  valid: z.boolean(),
  unitId: z.string(),
  year: z.number().int(),
  signatures: z.number().int(),
  head: z.string().nullable(),
  brokenAt: ChainBreak.nullable(),
});

export const UnitYearPath = z.strictObject({ unitId: UnitId });

export const Coverage = z.object({
  year: z.number().int(),
  levels: z.array(
    z.object({
      /** 0 is the caller's own unit (or the root for an admin of the whole tree), 1 the units below it, and so on. */
      level: z.number().int(),
      units: z.number().int(),
      issued: z.number().int(),
      completed: z.number().int(),
      pending: z.number().int(),
      percentComplete: z.number().nullable(),
      unsigned: z.array(
        z.object({ letterId: z.string(), unitId: z.string(), unitName: z.string(), party: z.enum(['issuer', 'recipient']), personId: z.string(), name: z.string() }),
      ),
    }),
  ),
});

/** Body of `POST /api/units/{unitId}/power-items`. */
export const PowerItemBody = z
  .strictObject({ category: z.enum(['行政许可', '行政处罚', '行政征收', '行政强制', '行政检查', '其他行政权力']), name: Text(200), level: z.union([z.literal(1), z.literal(2), z.literal(3)]) })
  .meta({ examples: [{ category: '行政许可', name: '建设工程规划许可', level: 1 }] });
export type PowerItemBody = z.infer<typeof PowerItemBody>;

export const PowerItemView = z.object({ powerItemId: z.string(), category: z.string(), name: z.string(), level: z.number().int() });
export const PowerItemList = z.object({ powerItems: z.array(PowerItemView) });

const PersonInput = z.strictObject({ personId: Id('person').optional(), name: Text(50) });

/** Body of `POST /api/units/{unitId}/risk-posts`. */
export const GradeRiskPostBody = z
  .strictObject({
    name: Text(100),
    area: Text(50),
    level: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
    powerItemIds: z.array(Id('power item')).max(100).optional(),
    holder: PersonInput,
    servingSince: CalendarDate,
    supervisor: PersonInput.optional(),
  })
  .meta({ examples: [{ name: '财政所所长', area: '财政', level: 2, holder: { name: '钱进' }, servingSince: '2022-03-01' }] });
export type GradeRiskPostBody = z.infer<typeof GradeRiskPostBody>;

const PersonView = z.object({ personId: z.string(), name: z.string() });

export const RiskPostView = z.object({
  riskPostId: z.string(),
  unitId: z.string(),
  name: z.string(),
  area: z.string(),
  level: z.number().int(),
  holder: PersonView,
  servingSince: z.string(),
  supervisor: PersonView.nullable(),
  powerItemIds: z.array(z.string()),
  answerable: PersonView.extend({ postId: z.string().nullable(), unitId: z.string(), rule: z.string() }),
  version: z.number().int(),
});
export const RiskPostList = z.object({ riskPosts: z.array(RiskPostView) });

export const PledgeView = z.object({
  pledgeId: z.string(),
  version: z.number().int(),
  unitId: z.string(),
  year: z.number().int(),
  riskPostId: z.string(),
  riskPostName: z.string(),
  level: z.number().int(),
  holder: PersonView,
  items: z.array(z.string()),
  suite: SignatureSuiteName,
  contentHash: z.string(),
  status: z.enum(['issued', 'signed']),
  signature: z.object({ sequence: z.number().int(), hash: z.string(), signedAt: z.string() }).nullable(),
  seal: z.object({ keyId: z.string(), signature: z.string() }).nullable(),
  issuedAt: z.string(),
});
export const GradeResult = z.object({ riskPost: RiskPostView, pledge: PledgeView.nullable() });
export const PledgeList = z.object({ pledges: z.array(PledgeView) });
export const PledgePath = z.strictObject({ pledgeId: Id('pledge') });
export const SignPledgeResult = z.object({ pledge: PledgeView, signature: SignatureRecord });

/** Body of `POST /api/units/{unitId}/rename`. */
export const RenameUnitBody = z.strictObject({ name: Text(200) }).meta({ examples: [{ name: '东湖县城关街道' }] });

/** Body of `POST /api/units/{unitId}/move`: the new parent. */
export const MoveUnitBody = z.strictObject({ parentId: UnitId }).meta({ examples: [{ parentId: '0196a0f2-3b7c-7d1e-9f00-1a2b3c4d5e6f' }] });

export const UnitState = UnitView.extend({ ancestorIds: z.array(z.string()), active: z.boolean().optional(), version: z.number().int() });

/** Body of `POST /api/units/{unitId}/roster-imports`: the file, as CSV text or a base64 `.xlsx`. */
export const ImportRosterBody = z
  .strictObject({
    format: z.enum(['csv', 'xlsx']),
    content: LongText(6_000_000),
    /** Check every row and answer the report without writing anything. */
    dryRun: z.boolean().optional(),
  })
  .meta({
    examples: [
      {
        format: 'csv',
        content: '单位名称,上级单位,单位类别,姓名,人员编号,职务类型,职务名称,分管领域,任职日期\n城关镇,,乡镇（街道）党委,王明,,书记,党委书记,,2026-01-05\n',
        dryRun: true,
      },
    ],
  });
export type ImportRosterBody = z.infer<typeof ImportRosterBody>;

export const RosterResult = z.object({
  dryRun: z.boolean(),
  units: z.number().int(),
  posts: z.number().int(),
  unchanged: z.number().int(),
  report: z.array(z.object({ row: z.number().int(), status: z.enum(['new', 'unchanged', 'error']), messages: z.array(z.string()) })),
});
