import { defineService, httpFunction } from '#shared/manifest.js';
import { topics } from '#events/topics.js';
import { Problem } from '#shared/http/problem.js';
import {
  AccessLog,
  EducationLedger,
  EducationPlanBody,
  EducationSessionBody,
  IssueNoticeBody,
  JointSituations,
  LedgerSums,
  NoticeList,
  NoticePath,
  NoticeView,
  PlanBody,
  PositionBody,
  ProposeTalkBody,
  RecordTalkBody,
  ReplyBody,
  ReviewBody,
  TalkList,
  TalkPath,
  TalkView,
  TrainingBody,
  UnitPath,
  YearQuery,
} from './src/schemas.js';

/** Everyone in a post, whatever role their token carries: people talked to, warned and replying. */
const people = ['unit_staff', 'unit_secretary', 'discipline_inspector', 'organisation_dept'] as const;
/** Who holds talks: the committee's leaders, its organisation department and the commission. No admin: talks are personal records. */
const inCharge = ['unit_secretary', 'organisation_dept', 'discipline_inspector'] as const;
/** The commission (or the unit's discipline body). */
const commission = ['discipline_inspector'] as const;
/** The unit's own people, who keep its education ledger. */
const unitPeople = ['unit_staff', 'unit_secretary'] as const;
const unitInPath = { in: 'path', name: 'unitId' } as const;
const talkInPath = { in: 'path', name: 'talkId', of: 'talk' } as const;
const noticeInPath = { in: 'path', name: 'noticeId', of: 'warningNotice' } as const;

const noTalk = { 404: { description: 'No such talk', body: Problem } } as const;
const noNotice = { 404: { description: 'No such warning notice', body: Problem } } as const;
const notThisPerson = { 403: { description: 'Not the person this step is for', body: Problem } } as const;

/**
 * interviews: talks of every kind (integrity, reminder, warning, joint, admonishment) with where each
 * came from, warning notices with their written replies, and the units' education and warning
 * ledgers. Talk records and notices are personal records: only the roles in charge read them, and
 * every read is recorded.
 */
export default defineService({
  name: 'interviews',
  produces: [topics.interviews],
  tables: {
    main: { name: 'interviews', stream: true },
  },
  functions: {
    jointSituations: httpFunction('src/handlers/jointSituations.ts', 'Lists the situations that call for a joint talk', {
      method: 'GET',
      path: '/api/joint-talk-situations',
      roles: people,
      reach: { kind: 'listing' },
      summary: '联合谈话情形（可配置） / The situations that call for a joint talk',
      responses: { 200: { description: 'The configured situations', body: JointSituations } },
    }),
    proposeTalk: httpFunction('src/handlers/proposeTalk.ts', 'Proposes or plans a talk with people of a unit', {
      method: 'POST',
      path: '/api/units/{unitId}/talks',
      roles: inCharge,
      reach: { kind: 'subtree', unit: unitInPath },
      summary: '提出（安排）谈话：联合谈话由纪委提出并写明情形 / Propose a talk',
      request: { path: UnitPath, body: ProposeTalkBody },
      responses: {
        201: { description: 'The talk', body: TalkView },
        403: { description: 'A joint talk proposed by other than the commission of an upper level', body: Problem },
        422: { description: 'A person not in a post of the unit, an unknown source or trigger situation', body: Problem },
      },
    }),
    listTalks: httpFunction('src/handlers/listTalks.ts', 'Lists the talks of a unit that the caller may read', {
      method: 'GET',
      path: '/api/units/{unitId}/talks',
      roles: people,
      reach: { kind: 'subtree', unit: unitInPath },
      summary: '谈话日历与记录（仅主管人员可见） / The talks of a unit',
      request: { path: UnitPath, query: YearQuery },
      responses: { 200: { description: 'The talks of the year the caller may read, by date', body: TalkList } },
    }),
    myTalks: httpFunction('src/handlers/myTalks.ts', 'Lists the talks the caller convenes or is talked to in', {
      method: 'GET',
      path: '/api/my/talks',
      roles: people,
      reach: { kind: 'listing' },
      summary: '我参与的谈话（待我办理的步骤） / My talks',
      responses: { 200: { description: 'The talks naming the caller, newest first', body: TalkList } },
    }),
    viewTalk: httpFunction('src/handlers/viewTalk.ts', 'Reads a talk record; the read is recorded', {
      method: 'GET',
      path: '/api/talks/{talkId}',
      roles: people,
      reach: { kind: 'subtree', unit: talkInPath },
      summary: '谈话记录（查阅留痕） / A talk record',
      request: { path: TalkPath },
      responses: { 200: { description: 'The record', body: TalkView }, 403: { description: 'Not a convenor, the commission, the organisation department or the person talked to', body: Problem }, ...noTalk },
    }),
    talkAccessLog: httpFunction('src/handlers/talkAccessLog.ts', 'Reads who read a talk record, and when', {
      method: 'GET',
      path: '/api/talks/{talkId}/access-log',
      roles: commission,
      reach: { kind: 'subtree', unit: talkInPath },
      summary: '谈话记录查阅日志 / Who read the record',
      request: { path: TalkPath },
      responses: { 200: { description: 'Every read, oldest first', body: AccessLog }, ...noTalk },
    }),
    approveTalk: httpFunction('src/handlers/approveTalk.ts', 'Approves a proposed joint talk', {
      method: 'POST',
      path: '/api/talks/{talkId}/approve',
      roles: ['unit_secretary'],
      reach: { kind: 'upper-levels', unit: talkInPath },
      summary: '党委书记批准联合谈话 / The party secretary approves',
      request: { path: TalkPath },
      responses: { 200: { description: 'The approved talk', body: TalkView }, 403: { description: 'Not the host unit’s party secretary', body: Problem }, 409: { description: 'Not a proposed joint talk', body: Problem }, ...noTalk },
    }),
    recordTalk: httpFunction('src/handlers/recordTalk.ts', 'Records that a talk was held: who, when, problems and demands', {
      method: 'POST',
      path: '/api/talks/{talkId}/record',
      roles: inCharge,
      reach: { kind: 'subtree', unit: talkInPath },
      summary: '记录谈话（联合谈话由纪委书记主持记录） / Record the talk held',
      request: { path: TalkPath, body: RecordTalkBody },
      responses: {
        200: { description: 'The talk, held', body: TalkView },
        403: { description: 'A joint talk recorded by other than the host unit’s commission', body: Problem },
        409: { description: 'A joint talk not approved, or already held', body: Problem },
        422: { description: 'Convenors or attendees not in posts, or the four convenors not the leaders named', body: Problem },
        ...noTalk,
      },
    }),
    statePosition: httpFunction('src/handlers/statePosition.ts', 'States the caller’s position on a talk held with them', {
      method: 'POST',
      path: '/api/talks/{talkId}/positions',
      roles: people,
      reach: { kind: 'own-unit', unit: talkInPath },
      summary: '表态 / State a position',
      request: { path: TalkPath, body: PositionBody },
      responses: { 200: { description: 'The talk', body: TalkView }, ...notThisPerson, 409: { description: 'Not held yet, or already stated', body: Problem }, ...noTalk },
    }),
    submitPlan: httpFunction('src/handlers/submitPlan.ts', 'Submits the rectification plan that follows a talk', {
      method: 'POST',
      path: '/api/talks/{talkId}/rectification-plan',
      roles: ['unit_secretary'],
      reach: { kind: 'own-unit', unit: talkInPath },
      summary: '报送整改方案（每项成为整改事项，纪委监督） / Submit the rectification plan',
      request: { path: TalkPath, body: PlanBody },
      responses: { 200: { description: 'The talk, rectifying', body: TalkView }, ...notThisPerson, 409: { description: 'Positions still to be stated, or a plan already submitted', body: Problem }, ...noTalk },
    }),
    issueNotice: httpFunction('src/handlers/issueNotice.ts', 'Issues a warning notice to a person', {
      method: 'POST',
      path: '/api/units/{unitId}/warning-notices',
      roles: commission,
      reach: { kind: 'subtree', unit: unitInPath },
      summary: '发出预警提示（限期书面回复） / Issue a warning notice',
      request: { path: UnitPath, body: IssueNoticeBody },
      responses: { 201: { description: 'The notice', body: NoticeView }, 422: { description: 'A person not in a post of the unit, or a reply date not in the future', body: Problem } },
    }),
    listNotices: httpFunction('src/handlers/listNotices.ts', 'Lists a unit’s warning notices of a year: its warning-notice ledger', {
      method: 'GET',
      path: '/api/units/{unitId}/warning-notices',
      roles: inCharge,
      reach: { kind: 'subtree', unit: unitInPath },
      summary: '预警提示台账 / The warning-notice ledger',
      request: { path: UnitPath, query: YearQuery },
      responses: { 200: { description: 'The notices the caller may read', body: NoticeList } },
    }),
    myNotices: httpFunction('src/handlers/myNotices.ts', 'Lists the warning notices addressed to the caller', {
      method: 'GET',
      path: '/api/my/warning-notices',
      roles: people,
      reach: { kind: 'listing' },
      summary: '我的预警提示与回复 / My warning notices',
      responses: { 200: { description: 'The caller’s notices, newest first', body: NoticeList } },
    }),
    viewNotice: httpFunction('src/handlers/viewNotice.ts', 'Reads a warning notice; the read is recorded', {
      method: 'GET',
      path: '/api/warning-notices/{noticeId}',
      roles: people,
      reach: { kind: 'subtree', unit: noticeInPath },
      summary: '预警提示（查阅留痕） / A warning notice',
      request: { path: NoticePath },
      responses: { 200: { description: 'The notice', body: NoticeView }, 403: { description: 'Neither the person, their leader in charge, nor the commission or organisation department', body: Problem }, ...noNotice },
    }),
    noticeAccessLog: httpFunction('src/handlers/noticeAccessLog.ts', 'Reads who read a warning notice, and when', {
      method: 'GET',
      path: '/api/warning-notices/{noticeId}/access-log',
      roles: commission,
      reach: { kind: 'subtree', unit: noticeInPath },
      summary: '预警提示查阅日志 / Who read the notice',
      request: { path: NoticePath },
      responses: { 200: { description: 'Every read, oldest first', body: AccessLog }, ...noNotice },
    }),
    replyNotice: httpFunction('src/handlers/replyNotice.ts', 'Replies in writing to a warning notice', {
      method: 'POST',
      path: '/api/warning-notices/{noticeId}/reply',
      roles: people,
      reach: { kind: 'own-unit', unit: noticeInPath },
      summary: '书面回复 / Reply in writing',
      request: { path: NoticePath, body: ReplyBody },
      responses: { 200: { description: 'The notice, replied', body: NoticeView }, ...notThisPerson, 409: { description: 'Already replied, or accepted', body: Problem }, ...noNotice },
    }),
    reviewReply: httpFunction('src/handlers/reviewReply.ts', 'Accepts or returns a written reply', {
      method: 'POST',
      path: '/api/warning-notices/{noticeId}/review',
      roles: commission,
      reach: { kind: 'subtree', unit: noticeInPath },
      summary: '审核回复：认可或退回 / Review the reply',
      request: { path: NoticePath, body: ReviewBody },
      responses: {
        200: { description: 'The notice', body: NoticeView },
        403: { description: 'Not the issuing commission', body: Problem },
        409: { description: 'No reply to review', body: Problem },
        422: { description: 'A return without a reason or a new date in the future', body: Problem },
        ...noNotice,
      },
    }),
    fileEducationPlan: httpFunction('src/handlers/fileEducationPlan.ts', 'Files the unit’s annual integrity-education plan with the commission', {
      method: 'POST',
      path: '/api/units/{unitId}/education-plans',
      roles: unitPeople,
      reach: { kind: 'own-unit', unit: unitInPath },
      summary: '报备年度廉政教育计划 / File the education plan',
      request: { path: UnitPath, body: EducationPlanBody },
      responses: { 201: { description: 'The ledger of the year', body: EducationLedger }, 422: { description: 'A root unit, which files with no commission above it', body: Problem } },
    }),
    recordEducationSession: httpFunction('src/handlers/recordEducationSession.ts', 'Records an integrity-education session of the unit', {
      method: 'POST',
      path: '/api/units/{unitId}/education-sessions',
      roles: unitPeople,
      reach: { kind: 'own-unit', unit: unitInPath },
      summary: '登记廉政教育活动 / Record an education session',
      request: { path: UnitPath, body: EducationSessionBody },
      responses: { 201: { description: 'The ledger of the year', body: EducationLedger } },
    }),
    recordTraining: httpFunction('src/handlers/recordTraining.ts', 'Records a newly appointed cadre’s pre-appointment integrity training', {
      method: 'POST',
      path: '/api/units/{unitId}/trainings',
      roles: ['unit_secretary', 'unit_staff', 'organisation_dept'],
      reach: { kind: 'subtree', unit: unitInPath },
      summary: '登记任前廉政培训 / Record a pre-appointment training',
      request: { path: UnitPath, body: TrainingBody },
      responses: { 201: { description: 'The ledger of the year', body: EducationLedger }, 422: { description: 'A person not in a post of the unit', body: Problem } },
    }),
    educationLedger: httpFunction('src/handlers/educationLedger.ts', 'Reads a unit’s integrity-education ledger of a year', {
      method: 'GET',
      path: '/api/units/{unitId}/education-ledger',
      roles: people,
      reach: { kind: 'subtree', unit: unitInPath },
      summary: '廉政教育台账 / The education ledger',
      request: { path: UnitPath, query: YearQuery },
      responses: { 200: { description: 'The plan, sessions and trainings of the year', body: EducationLedger } },
    }),
    ledgerSums: httpFunction('src/handlers/ledgerSums.ts', 'Sums the education and warning ledgers of a unit and every unit below it for a year', {
      method: 'GET',
      path: '/api/units/{unitId}/ledger-sums',
      roles: inCharge,
      reach: { kind: 'subtree', unit: unitInPath },
      summary: '台账年度汇总（纪委） / The ledgers summed for the year',
      request: { path: UnitPath, query: YearQuery },
      responses: { 200: { description: 'One row per unit, and the total', body: LedgerSums } },
    }),
    onSigningEvents: {
      entry: 'src/handlers/onSigningEvents.ts',
      description: 'Learns the units and the people in their posts from signing.events',
      memoryMb: 256,
      timeoutSeconds: 60,
      triggers: [{ type: 'kafka', topic: topics.signing, batchSize: 500, startingPosition: 'TRIM_HORIZON' }],
    },
    onReportsEvents: {
      entry: 'src/handlers/onReportsEvents.ts',
      description: 'Suggests reminder talks from red lights, keeps the sources talks cite, follows rectification items and overdue replies from reports.events',
      memoryMb: 256,
      timeoutSeconds: 60,
      triggers: [{ type: 'kafka', topic: topics.reports, batchSize: 500, startingPosition: 'TRIM_HORIZON' }],
    },
    onDisclosureEvents: {
      entry: 'src/handlers/onDisclosureEvents.ts',
      description: 'Keeps the public complaints referred for a talk, from disclosure.events, which a talk may cite',
      memoryMb: 256,
      timeoutSeconds: 60,
      triggers: [{ type: 'kafka', topic: topics.disclosure, batchSize: 500, startingPosition: 'TRIM_HORIZON' }],
    },
    onInspectionsEvents: {
      entry: 'src/handlers/onInspectionsEvents.ts',
      description: 'Suggests admonishment talks with the heads of the units a year-end assessment ranked lowest, from inspections.events',
      memoryMb: 256,
      timeoutSeconds: 60,
      triggers: [{ type: 'kafka', topic: topics.inspections, batchSize: 500, startingPosition: 'TRIM_HORIZON' }],
    },
    tallyLedgers: {
      entry: 'src/handlers/tallyLedgers.ts',
      description: 'Counts the service’s own events into the yearly sums of each unit’s ledgers',
      memoryMb: 256,
      timeoutSeconds: 60,
      triggers: [{ type: 'kafka', topic: topics.interviews, batchSize: 500, startingPosition: 'TRIM_HORIZON' }],
    },
    relay: {
      entry: 'src/handlers/relay.ts',
      description: 'Publishes outbox items to interviews.events',
      memoryMb: 256,
      timeoutSeconds: 30,
      triggers: [{ type: 'stream', table: 'main', batchSize: 1000, kindFilter: 'outbox' }],
    },
  },
});
