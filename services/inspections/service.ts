import type { z } from 'zod';
import { defineService, httpFunction } from '#shared/manifest.js';
import { topics } from '#events/topics.js';
import { Problem } from '#shared/http/problem.js';
import {
  AccessLog,
  CaseList,
  CasePath,
  CaseView,
  CloseBody,
  EscalateBody,
  ExemptionDecisionBody,
  ExemptionRequestBody,
  FollowUpBody,
  GiftBody,
  GiftList,
  InquiryBody,
  IntegrityFile,
  LookBackBody,
  MeasureBody,
  OpenCaseBody,
  OpinionBody,
  OpinionView,
  PersonPath,
  Situations,
  UnitPath,
  YearQuery,
} from './src/schemas.js';

/** The commission (or the unit's discipline body), which opens and handles cases and gives opinions. */
const commission = ['discipline_inspector'] as const;
/** Who reads cases, integrity files and the gift register: the commission and the organisation department. No admin: these are personal records. */
const readers = ['discipline_inspector', 'organisation_dept'] as const;
/** Everyone in a post, who registers their own gifts. */
const people = ['unit_staff', 'unit_secretary', 'discipline_inspector', 'organisation_dept'] as const;
const unitInPath = { in: 'path', name: 'unitId' } as const;
const caseInPath = { in: 'path', name: 'caseId', of: 'case' } as const;

const noCase = { 404: { description: 'No such case', body: Problem } } as const;
const noPerson = { 404: { description: 'No such person in a post of the unit, now or before', body: Problem } } as const;

/** A step on a case by its handling commission: the case after it. */
const caseStep = <B extends z.ZodType>(entry: string, description: string, path: string, summary: string, body: B, conflict: string) =>
  httpFunction(entry, description, {
    method: 'POST',
    path,
    roles: commission,
    reach: { kind: 'subtree', unit: caseInPath },
    summary,
    request: { path: CasePath, body },
    responses: { 200: { description: 'The case', body: CaseView }, 409: { description: `${conflict}; or the case is handled by a commission above the caller’s`, body: Problem }, 422: { description: 'A rule of the step not met', body: Problem }, ...noCase },
  });

/**
 * inspections: accountability cases from clue to measures (一案双查 in the listed situations,
 * graded measures, bans, escalation, fault-tolerance exemption with its clarification notice,
 * look-back, follow-up visits), the integrity file of each cadre built from every topic, the
 * commission's opinions on appointments, and the gift register. Cases, files and opinions are
 * personal records: only the commission and the organisation department within their reach read
 * them, and every read is recorded.
 */
export default defineService({
  name: 'inspections',
  produces: [topics.inspections],
  tables: {
    main: { name: 'inspections', stream: true },
  },
  functions: {
    doubleInquirySituations: httpFunction('src/handlers/doubleInquirySituations.ts', 'Lists the situations in which a case also inquires into the committee and the commission', {
      method: 'GET',
      path: '/api/double-inquiry-situations',
      roles: readers,
      reach: { kind: 'listing' },
      summary: '“一案双查”情形（可配置） / The situations of one case, two investigations',
      responses: { 200: { description: 'The configured situations', body: Situations } },
    }),
    exemptionSituations: httpFunction('src/handlers/exemptionSituations.ts', 'Lists the situations in which fault tolerance may exempt a cadre', {
      method: 'GET',
      path: '/api/exemption-situations',
      roles: people,
      reach: { kind: 'listing' },
      summary: '容错免责情形（可配置） / The fault-tolerance situations',
      responses: { 200: { description: 'The configured situations', body: Situations } },
    }),
    openCase: httpFunction('src/handlers/openCase.ts', 'Opens an accountability case on a clue about a person of the unit', {
      method: 'POST',
      path: '/api/units/{unitId}/cases',
      roles: commission,
      reach: { kind: 'subtree', unit: unitInPath },
      summary: '问责立案（线索来源可追溯；所列情形“一案双查”） / Open a case',
      request: { path: UnitPath, body: OpenCaseBody },
      responses: { 201: { description: 'The case', body: CaseView }, 422: { description: 'A person never in a post of the unit, an unknown situation, a source without its record', body: Problem } },
    }),
    listCases: httpFunction('src/handlers/listCases.ts', 'Lists the cases of people of a unit opened in a year', {
      method: 'GET',
      path: '/api/units/{unitId}/cases',
      roles: readers,
      reach: { kind: 'subtree', unit: unitInPath },
      summary: '问责案件台账 / The cases of a unit',
      request: { path: UnitPath, query: YearQuery },
      responses: { 200: { description: 'The cases, newest first', body: CaseList } },
    }),
    viewCase: httpFunction('src/handlers/viewCase.ts', 'Reads a case; the read is recorded', {
      method: 'GET',
      path: '/api/cases/{caseId}',
      roles: readers,
      reach: { kind: 'subtree', unit: caseInPath },
      summary: '问责案件（查阅留痕） / A case',
      request: { path: CasePath },
      responses: { 200: { description: 'The case', body: CaseView }, ...noCase },
    }),
    caseAccessLog: httpFunction('src/handlers/caseAccessLog.ts', 'Reads who read a case, and when', {
      method: 'GET',
      path: '/api/cases/{caseId}/access-log',
      roles: commission,
      reach: { kind: 'subtree', unit: caseInPath },
      summary: '案件查阅日志 / Who read the case',
      request: { path: CasePath },
      responses: { 200: { description: 'Every read, oldest first', body: AccessLog }, ...noCase },
    }),
    concludeInquiry: caseStep('src/handlers/concludeInquiry.ts', 'Concludes one of the two extra investigations', '/api/cases/{caseId}/inquiries', '“一案双查”调查结论 / Conclude an extra investigation', InquiryBody, 'The case is closed, has no such investigation, or it is concluded'),
    imposeMeasure: caseStep('src/handlers/imposeMeasure.ts', 'Imposes a graded measure; removal, ordered resignation and demotion bring bans', '/api/cases/{caseId}/measures', '作出问责处理（免职、责令辞职、降职同时产生任职限制） / Impose a measure', MeasureBody, 'The case is closed, or an exemption is pending or granted'),
    escalateCase: caseStep('src/handlers/escalateCase.ts', 'Escalates the case to the commission one level up', '/api/cases/{caseId}/escalate', '提级办理 / Escalate one level up', EscalateBody, 'The case is closed, or its commission has no level above'),
    closeCase: caseStep('src/handlers/closeCase.ts', 'Closes the case: accountable, or cleared with a clarification notice', '/api/cases/{caseId}/close', '办结：问责或澄清了结 / Close the case', CloseBody, 'Investigations still open, no measure for an accountable close, measures for a cleared one, or already closed'),
    requestExemption: httpFunction('src/handlers/requestExemption.ts', 'The committee of the person’s unit asks for fault-tolerance exemption', {
      method: 'POST',
      path: '/api/cases/{caseId}/exemption-request',
      roles: ['unit_secretary'],
      reach: { kind: 'own-unit', unit: caseInPath },
      summary: '申请容错免责 / Ask for exemption',
      request: { path: CasePath, body: ExemptionRequestBody },
      responses: {
        200: { description: 'The request, pending', body: CaseView.pick({ caseId: true, exemption: true }) },
        409: { description: 'Closed, measures imposed, or a request already pending or granted', body: Problem },
        422: { description: 'A situation not on the list', body: Problem },
        ...noCase,
      },
    }),
    decideExemption: caseStep('src/handlers/decideExemption.ts', 'Grants or refuses the exemption; granted, the case closes with a clarification notice', '/api/cases/{caseId}/exemption-decision', '容错免责决定（同时澄清正名） / Decide the exemption', ExemptionDecisionBody, 'No request pending'),
    lookBack: caseStep('src/handlers/lookBack.ts', 'Looks back on a closed case, reopening it where accountability fell short', '/api/cases/{caseId}/look-back', '“回头看” / Look back', LookBackBody, 'The case is not closed'),
    followUp: caseStep('src/handlers/followUp.ts', 'Records a follow-up visit to the person held accountable', '/api/cases/{caseId}/follow-up-visits', '回访 / Record a follow-up visit', FollowUpBody, 'No one was held accountable in the case'),
    integrityFile: httpFunction('src/handlers/integrityFile.ts', 'Reads a cadre’s integrity file as a timeline; the read is recorded', {
      method: 'GET',
      path: '/api/units/{unitId}/people/{personId}/integrity-file',
      roles: readers,
      reach: { kind: 'subtree', unit: unitInPath },
      summary: '廉政档案（可溯，查阅留痕） / The integrity file',
      request: { path: PersonPath },
      responses: { 200: { description: 'The file, newest first, with the bans in force and the open cases', body: IntegrityFile }, ...noPerson },
    }),
    giveOpinion: httpFunction('src/handlers/giveOpinion.ts', 'Gives the commission’s written integrity opinion on a person’s appointment', {
      method: 'POST',
      path: '/api/units/{unitId}/people/{personId}/opinions',
      roles: commission,
      reach: { kind: 'subtree', unit: unitInPath },
      summary: '出具党风廉政意见（任职限制期内一律不同意） / Give an opinion',
      request: { path: PersonPath, body: OpinionBody },
      responses: { 201: { description: 'The opinion', body: OpinionView }, ...noPerson },
    }),
    registerGift: httpFunction('src/handlers/registerGift.ts', 'Registers a gift or cash the caller refused, returned or handed in', {
      method: 'POST',
      path: '/api/units/{unitId}/gifts',
      roles: people,
      reach: { kind: 'own-unit', unit: unitInPath },
      summary: '登记拒收、退还、上交的礼品礼金 / Register a gift',
      request: { path: UnitPath, body: GiftBody },
      responses: { 201: { description: 'The entry', body: GiftList.shape.gifts.element }, 403: { description: 'Not a cadre in post in the unit', body: Problem }, 422: { description: 'A date in the future', body: Problem } },
    }),
    giftRegister: httpFunction('src/handlers/giftRegister.ts', 'Reads the unit’s gift register of a year', {
      method: 'GET',
      path: '/api/units/{unitId}/gifts',
      roles: readers,
      reach: { kind: 'subtree', unit: unitInPath },
      summary: '礼品礼金登记台账 / The gift register',
      request: { path: UnitPath, query: YearQuery },
      responses: { 200: { description: 'The entries of the year and their total value', body: GiftList } },
    }),
    onSigningEvents: {
      entry: 'src/handlers/onSigningEvents.ts',
      description: 'Learns the units and the people in their posts from signing.events, and files posts, letters and pledges',
      memoryMb: 256,
      timeoutSeconds: 60,
      triggers: [{ type: 'kafka', topic: topics.signing, batchSize: 500, startingPosition: 'TRIM_HORIZON' }],
    },
    onReportsEvents: {
      entry: 'src/handlers/onReportsEvents.ts',
      description: 'Files the lights of key tasks in the integrity files of the people responsible',
      memoryMb: 256,
      timeoutSeconds: 60,
      triggers: [{ type: 'kafka', topic: topics.reports, batchSize: 500, startingPosition: 'TRIM_HORIZON' }],
    },
    onInterviewsEvents: {
      entry: 'src/handlers/onInterviewsEvents.ts',
      description: 'Files talks and warning notices in the integrity files of the people they name',
      memoryMb: 256,
      timeoutSeconds: 60,
      triggers: [{ type: 'kafka', topic: topics.interviews, batchSize: 500, startingPosition: 'TRIM_HORIZON' }],
    },
    fileOwnEvents: {
      entry: 'src/handlers/fileOwnEvents.ts',
      description: 'Files the service’s own events (cases, measures, bans, opinions, gifts) in the integrity files',
      memoryMb: 256,
      timeoutSeconds: 60,
      triggers: [{ type: 'kafka', topic: topics.inspections, batchSize: 500, startingPosition: 'TRIM_HORIZON' }],
    },
    relay: {
      entry: 'src/handlers/relay.ts',
      description: 'Publishes outbox items to inspections.events',
      memoryMb: 256,
      timeoutSeconds: 30,
      triggers: [{ type: 'stream', table: 'main', batchSize: 1000, kindFilter: 'outbox' }],
    },
  },
});
