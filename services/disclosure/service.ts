import type { z } from 'zod';
import { defineService, httpFunction } from '#shared/manifest.js';
import { topics } from '#events/topics.js';
import { Problem } from '#shared/http/problem.js';
import {
  AnswerBody,
  AttachmentFile,
  AttachmentPath,
  ApproveBody,
  ItemPath,
  ItemsQuery,
  PublicItem,
  PublicItems,
  ReasonBody,
  ReviewItem,
  ReviewItems,
  ReviewQuery,
  SignedInItems,
  ComplaintForm,
  ComplaintList,
  ComplaintPath,
  ComplaintView,
  Figures,
  FiguresPageQuery,
  FiguresQuery,
  FileComplaintBody,
  Filed,
  LookupBody,
  LookupForm,
  MonthQuery,
  PublicUnits,
  RateBody,
  RateForm,
  ReceiptView,
  ReferBody,
  UnitPath,
  VillageClues,
  VillageCluesBody,
} from './src/schemas.js';

/** A village supervisory committee, signed in as its village's unit. */
const committee = ['unit_staff', 'unit_secretary'] as const;
/** The discipline body of the handling unit: it alone reads a complaint's facts and its complainant. */
const handlingBody = ['discipline_inspector'] as const;
const unitInPath = { in: 'path', name: 'unitId' } as const;
const complaintInPath = { in: 'path', name: 'complaintId', of: 'complaint' } as const;
const tooMany = { 429: { description: 'Too many requests from this address or for this code; see Retry-After', body: Problem } } as const;
const noComplaint = { 404: { description: 'No such complaint', body: Problem } } as const;
const closed = { 409: { description: 'The complaint is in another state, or was changed meanwhile', body: Problem } } as const;
/** A step of the handling body on one of its complaints: `POST /api/complaints/{complaintId}/<step>`, answering the complaint. */
const complaintStep = <const B extends z.ZodType | undefined = undefined>(name: string, description: string, step: string, summary: string, body?: B) =>
  httpFunction(
    `src/handlers/${name}.ts`,
    description,
    {
      method: 'POST',
      path: `/api/complaints/{complaintId}/${step}`,
      roles: handlingBody,
      reach: { kind: 'own-unit', unit: complaintInPath },
      summary,
      request: { path: ComplaintPath, ...(body ? { body } : {}) } as { path: typeof ComplaintPath; body: B },
      responses: { 200: { description: 'The complaint', body: ComplaintView }, ...noComplaint, ...closed },
    },
    { decryptsWith: ['contacts'] },
  );
const itemInPath = { in: 'path', name: 'itemId', of: 'publicationItem' } as const;
const everyRole = ['unit_staff', 'unit_secretary', 'discipline_inspector', 'organisation_dept', 'admin'] as const;
/** A review step of the reviewing unit's discipline body on a publication item: `POST /api/publication-items/{itemId}/<step>`. */
const reviewStep = <const B extends z.ZodType>(name: string, description: string, step: string, summary: string, body: B) =>
  httpFunction(`src/handlers/${name}.ts`, description, {
    method: 'POST',
    path: `/api/publication-items/{itemId}/${step}`,
    roles: handlingBody,
    reach: { kind: 'own-unit', unit: itemInPath },
    summary,
    request: { path: ItemPath, body },
    responses: {
      200: { description: 'The item, with what it publishes', body: ReviewItem },
      404: { description: 'No such item', body: Problem },
      409: { description: 'The item is in another state, or was changed meanwhile', body: Problem },
      422: { description: 'A scope wider than the one proposed', body: Problem },
    },
  });
/** A public route: no token, the same for everyone. */
const open = { public: true, roles: [], reach: { kind: 'listing' } } as const;

/**
 * disclosure: public complaints, filed without an account and followed by receipt code; routed to
 * the discipline body of the unit complained about (one level up when it is about that body),
 * handled there, rated, and counted into live figures. The facts and the complainant stay in the
 * service: its topic carries ids, units, dates and states only.
 */
export default defineService({
  name: 'disclosure',
  produces: [topics.disclosure],
  tables: {
    main: { name: 'disclosure', stream: true },
  },
  buckets: {
    attachments: { description: 'Files complainants attach (JPEG, PNG, PDF by their content), each sealed with the contacts key for its complaint' },
  },
  encryptionKeys: {
    contacts: { description: 'Encrypts complainants’ contact details and, for an hour, the receipt code of a filing' },
  },
  functions: {
    publicUnits: httpFunction('src/handlers/publicUnits.ts', 'Lists the units one may complain about, for the public form', {
      ...open,
      method: 'GET',
      path: '/api/public/units',
      summary: '可投诉的单位（公开） / The units one may complain about',
      responses: { 200: { description: 'Every unit, parents first', body: PublicUnits } },
    }),
    fileComplaint: httpFunction(
      'src/handlers/fileComplaint.ts',
      'Files a public complaint without an account and gives its receipt code',
      {
        ...open,
        method: 'POST',
        path: '/api/public/complaints',
        summary: '提交投诉（公开，无需账号） / File a complaint',
        request: { body: FileComplaintBody },
        responses: {
          201: { description: 'The receipt code, shown once', body: Filed },
          200: { description: 'The same complaint filed within the hour: its receipt code again', body: Filed },
          422: { description: 'A unit not on the list, or an attachment too large or not a JPEG, PNG or PDF by its content', body: Problem },
          ...tooMany,
        },
        // Three attachments of 1 MB in base64, and the rest of the complaint.
        maxBodyBytes: 4_500_000,
      },
      { encryptsWith: ['contacts'], decryptsWith: ['contacts'], usesBuckets: ['attachments'], memoryMb: 512 },
    ),
    lookUpReceipt: httpFunction('src/handlers/lookUpReceipt.ts', 'Shows the status and answer of the complaint of a receipt code', {
      ...open,
      method: 'POST',
      path: '/api/public/complaints/lookup',
      summary: '凭回执码查询办理进度（公开） / Look up a complaint by its receipt code',
      request: { body: LookupBody },
      responses: { 200: { description: 'The status and answer; found false for an unknown code, in the same shape', body: ReceiptView }, ...tooMany },
    }),
    rateComplaint: httpFunction('src/handlers/rateComplaint.ts', 'Rates the answer of a closed complaint by its receipt code', {
      ...open,
      method: 'POST',
      path: '/api/public/complaints/rating',
      summary: '评价办理结果（公开） / Rate the answer',
      request: { body: RateBody },
      responses: { 200: { description: 'The complaint as the code shows it, rated', body: ReceiptView }, 409: { description: 'Nothing to rate with this code: unknown, not closed or rated', body: Problem }, ...tooMany },
    }),
    complaintFigures: httpFunction('src/handlers/complaintFigures.ts', 'Gives the live complaint figures of a unit and every unit below it', {
      ...open,
      method: 'GET',
      path: '/api/public/complaint-figures',
      summary: '投诉办理实时数据（公开） / Live complaint figures',
      request: { query: FiguresQuery },
      responses: { 200: { description: 'Received, handled, in progress, overdue and satisfaction', body: Figures }, 404: { description: 'No such unit', body: Problem } },
    }),
    complaintFormPage: httpFunction('src/handlers/complaintFormPage.ts', 'Shows the public complaint form, a page that works without JavaScript', {
      ...open,
      method: 'GET',
      path: '/api/public/site/complaint',
      summary: '投诉表单（公开网页） / The complaint form page',
      responses: { 200: { description: 'The form', contentType: 'text/html' } },
    }),
    fileComplaintPage: httpFunction(
      'src/handlers/fileComplaintPage.ts',
      'Files the complaint of the form and shows its receipt code, or the form again with what was wrong',
      {
        ...open,
        form: true,
        method: 'POST',
        path: '/api/public/site/complaint',
        summary: '提交投诉表单（公开网页） / File the form’s complaint',
        request: { body: ComplaintForm },
        responses: {
          200: { description: 'The receipt code', contentType: 'text/html' },
          422: { description: 'The form again, each wrong field marked', contentType: 'text/html' },
          429: { description: 'Too many filings from this address; see Retry-After', contentType: 'text/html' },
        },
        maxBodyBytes: 64 * 1024,
      },
      { encryptsWith: ['contacts'], decryptsWith: ['contacts'] },
    ),
    lookupFormPage: httpFunction('src/handlers/lookupFormPage.ts', 'Shows the receipt lookup form, a page that works without JavaScript', {
      ...open,
      method: 'GET',
      path: '/api/public/site/lookup',
      summary: '回执码查询（公开网页） / The lookup form page',
      responses: { 200: { description: 'The form', contentType: 'text/html' } },
    }),
    lookUpPage: httpFunction('src/handlers/lookUpPage.ts', 'Shows the status and answer of the complaint of the form’s receipt code', {
      ...open,
      form: true,
      method: 'POST',
      path: '/api/public/site/lookup',
      summary: '查询办理进度（公开网页） / Look up by the form’s code',
      request: { body: LookupForm },
      responses: {
        200: { description: 'The status and answer, or that the code is unknown', contentType: 'text/html' },
        422: { description: 'The form again: no code', contentType: 'text/html' },
        429: { description: 'Too many lookups; see Retry-After', contentType: 'text/html' },
      },
    }),
    ratePage: httpFunction('src/handlers/ratePage.ts', 'Rates the answer of the complaint of the form’s receipt code', {
      ...open,
      form: true,
      method: 'POST',
      path: '/api/public/site/rating',
      summary: '评价办理结果（公开网页） / Rate by the form',
      request: { body: RateForm },
      responses: {
        200: { description: 'The complaint rated, or that there is nothing to rate', contentType: 'text/html' },
        422: { description: 'The form again: no code', contentType: 'text/html' },
        429: { description: 'Too many lookups; see Retry-After', contentType: 'text/html' },
      },
    }),
    fileVillageClues: httpFunction('src/handlers/fileVillageClues.ts', 'Files a village supervisory committee’s clues of a month with the town’s discipline body', {
      method: 'POST',
      path: '/api/units/{unitId}/village-clues',
      roles: committee,
      reach: { kind: 'own-unit', unit: unitInPath },
      summary: '村务监督委员会报送月度问题线索 / File a village committee’s clues of a month',
      request: { path: UnitPath, body: VillageCluesBody },
      responses: { 201: { description: 'The month’s clues, with how the town handles each', body: VillageClues }, 422: { description: 'A unit with none above it', body: Problem } },
    }),
    villageClues: httpFunction('src/handlers/villageClues.ts', 'Lists a village committee’s clues of a month with how the town handled each', {
      method: 'GET',
      path: '/api/units/{unitId}/village-clues',
      roles: committee,
      reach: { kind: 'own-unit', unit: unitInPath },
      summary: '本村月度问题线索及办理情况 / The committee’s clues of a month',
      request: { path: UnitPath, query: MonthQuery },
      responses: { 200: { description: 'The month’s clues', body: VillageClues }, 422: { description: 'A unit with none above it', body: Problem } },
    }),
    listComplaints: httpFunction('src/handlers/listComplaints.ts', 'Lists the complaints a unit’s discipline body handles', {
      method: 'GET',
      path: '/api/units/{unitId}/complaints',
      roles: handlingBody,
      reach: { kind: 'own-unit', unit: unitInPath },
      summary: '本级受理的投诉（纪委） / The complaints this body handles',
      request: { path: UnitPath },
      responses: { 200: { description: 'Newest first, without facts or contact details', body: ComplaintList } },
    }),
    viewComplaint: httpFunction(
      'src/handlers/viewComplaint.ts',
      'Reads a complaint with its facts and contact details; the read is logged',
      {
        method: 'GET',
        path: '/api/complaints/{complaintId}',
        roles: handlingBody,
        reach: { kind: 'own-unit', unit: complaintInPath },
        summary: '查看投诉（含联系方式，留痕） / Read a complaint',
        request: { path: ComplaintPath },
        responses: { 200: { description: 'The complaint', body: ComplaintView }, ...noComplaint },
      },
      { decryptsWith: ['contacts'] },
    ),
    complaintAttachment: httpFunction(
      'src/handlers/complaintAttachment.ts',
      'Reads a file attached to a complaint, opened for the handling body; the read is logged',
      {
        method: 'GET',
        path: '/api/complaints/{complaintId}/attachments/{index}',
        roles: handlingBody,
        reach: { kind: 'own-unit', unit: complaintInPath },
        summary: '查看投诉附件（留痕） / Read a complaint’s attachment',
        request: { path: AttachmentPath },
        responses: { 200: { description: 'The file, in base64', body: AttachmentFile }, 404: { description: 'No such complaint or attachment', body: Problem } },
      },
      { decryptsWith: ['contacts'], usesBuckets: ['attachments'], memoryMb: 512 },
    ),
    acceptComplaint: complaintStep('acceptComplaint', 'Accepts a complaint (受理) for investigation', 'accept', '受理投诉 / Accept a complaint'),
    answerComplaint: complaintStep('answerComplaint', 'Answers a complaint; the complainant reads the answer by receipt code', 'answer', '答复投诉 / Answer a complaint', AnswerBody),
    referComplaint: complaintStep('referComplaint', 'Refers a complaint to an accountability case, a talk or another body', 'refer', '转办投诉（立案、谈话或转有关部门） / Refer a complaint', ReferBody),
    reviewQueue: httpFunction('src/handlers/reviewQueue.ts', 'Lists the publication items a unit’s discipline body reviews, with what each publishes', {
      method: 'GET',
      path: '/api/units/{unitId}/publication-items',
      roles: handlingBody,
      reach: { kind: 'own-unit', unit: unitInPath },
      summary: '待审核及已公开的事项（纪委） / The publication items this body reviews',
      request: { path: UnitPath, query: ReviewQuery },
      responses: { 200: { description: 'Newest first', body: ReviewItems } },
    }),
    approveItem: reviewStep('approveItem', 'Approves a proposed item by name and publishes it within its scope', 'approve', '审核通过并公开 / Approve and publish', ApproveBody),
    rejectItem: reviewStep('rejectItem', 'Rejects a proposed item by name: it is never published', 'reject', '审核不予公开 / Reject', ReasonBody),
    withdrawItem: reviewStep('withdrawItem', 'Withdraws a published item from every endpoint at once', 'withdraw', '撤回已公开事项 / Withdraw', ReasonBody),
    signedInItems: httpFunction('src/handlers/signedInItems.ts', 'Lists what a signed-in unit may read: public items, items within the system and within its subtrees', {
      method: 'GET',
      path: '/api/published-items',
      roles: everyRole,
      reach: { kind: 'listing' },
      summary: '系统内公开事项 / Published items within the system',
      request: { query: ItemsQuery },
      responses: { 200: { description: 'Newest first', body: SignedInItems } },
    }),
    publicItems: httpFunction('src/handlers/publicItems.ts', 'Lists the items published to anyone, by unit and kind', {
      ...open,
      method: 'GET',
      path: '/api/public/items',
      summary: '公开事项（公开） / Published items',
      request: { query: ItemsQuery },
      responses: { 200: { description: 'Newest first', body: PublicItems } },
    }),
    publicItem: httpFunction('src/handlers/publicItem.ts', 'Reads one item published to anyone', {
      ...open,
      method: 'GET',
      path: '/api/public/items/{itemId}',
      summary: '公开事项详情（公开） / A published item',
      request: { path: ItemPath },
      responses: { 200: { description: 'The item', body: PublicItem }, 404: { description: 'Not published to the public, or withdrawn', body: Problem } },
    }),
    itemsPage: httpFunction('src/handlers/itemsPage.ts', 'Shows the published items by unit and kind, a page that works without JavaScript', {
      ...open,
      method: 'GET',
      path: '/api/public/site/items',
      summary: '公开事项（公开网页） / The published items page',
      request: { query: ItemsQuery },
      responses: { 200: { description: 'The items', contentType: 'text/html' } },
    }),
    figuresPage: httpFunction('src/handlers/figuresPage.ts', 'Shows the live complaint figures of the city and each unit below it', {
      ...open,
      method: 'GET',
      path: '/api/public/site/figures',
      summary: '投诉办理实时数据（公开网页） / The live figures page',
      request: { query: FiguresPageQuery },
      responses: { 200: { description: 'The figures', contentType: 'text/html' }, 404: { description: 'No such unit', contentType: 'text/html' } },
    }),
    onReportsEvents: {
      entry: 'src/handlers/onReportsEvents.ts',
      description: 'Proposes key tasks, their progress and their quarters’ lights from reports.events for publication, and marks complaints whose answer deadline was escalated',
      memoryMb: 256,
      timeoutSeconds: 60,
      triggers: [{ type: 'kafka', topic: topics.reports, batchSize: 500, startingPosition: 'TRIM_HORIZON' }],
    },
    onInspectionsEvents: {
      entry: 'src/handlers/onInspectionsEvents.ts',
      description: 'Proposes rankings, typical cases, clarification notices and circulations from inspections.events for publication',
      memoryMb: 256,
      timeoutSeconds: 60,
      triggers: [{ type: 'kafka', topic: topics.inspections, batchSize: 500, startingPosition: 'TRIM_HORIZON' }],
    },
    onSigningEvents: {
      entry: 'src/handlers/onSigningEvents.ts',
      description: 'Learns the units (names and ancestors, which routing and reach are judged by) from signing.events',
      memoryMb: 256,
      timeoutSeconds: 60,
      triggers: [{ type: 'kafka', topic: topics.signing, batchSize: 500, startingPosition: 'TRIM_HORIZON' }],
    },
    tallyFigures: {
      entry: 'src/handlers/tallyFigures.ts',
      description: 'Counts the service’s own events into the live complaint figures of each handling unit',
      memoryMb: 256,
      timeoutSeconds: 60,
      triggers: [{ type: 'kafka', topic: topics.disclosure, batchSize: 500, startingPosition: 'TRIM_HORIZON' }],
    },
    relay: {
      entry: 'src/handlers/relay.ts',
      description: 'Publishes outbox items to disclosure.events',
      memoryMb: 256,
      timeoutSeconds: 30,
      triggers: [{ type: 'stream', table: 'main', batchSize: 1000, kindFilter: 'outbox' }],
    },
  },
});
