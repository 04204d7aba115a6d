/**
 * The integrity file (廉政档案) of each cadre: one entry for every event, on any topic, that names
 * them, with the event's topic, id and type, so that the file is a traceable record of duty (可溯档案).
 * Entries are kept by the service's consumers, one unconditional Put per person an event names
 * (keyed by the event's time and id, so a redelivered event writes the same item).
 */
import type { TransactItem } from '#shared/kafka/consumer.js';
import { topics } from '#events/topics.js';
import type { InspectionsEvent, InterviewsEvent, ReportsEvent, SigningEvent } from '#events/index.js';
import { measures } from '../domain/accountability.js';
import { personKey, store } from '../adapters/inspectionRepository.js';
import type { FileEntry } from '../schemas.js';

type Named = { readonly personId: string; readonly unitId: string };
type Entry = Pick<FileEntry, 'summary' | 'category' | 'recordId'>;

const entries = (event: { id: string; type: string; time: string }, topic: string, people: readonly Named[], entry: Entry): TransactItem[] =>
  [...new Map(people.map((p) => [p.personId, p])).values()].map((p) => ({
    Put: {
      TableName: store.table(),
      Item: { ...personKey(p.personId, `FILE#${event.time}#${event.id}`), kind: 'fileEntry', at: event.time, unitId: p.unitId, ...entry, source: { topic, eventId: event.id, type: event.type } },
    },
  }));

type From<E extends { type: string }> = { readonly [T in E['type']]?: (event: Extract<E, { type: T }>) => TransactItem[] };

const talkNames = { integrity: '廉政谈话', reminder: '提醒谈话', warning: '警醒约谈', joint: '联合谈话', admonishment: '诫勉谈话' } as const;
const lights = { red: '红灯', yellow: '黄灯', green: '绿灯' } as const;
const banText = { equivalentPost: '不得担任与原任职务相当的领导职务', promotion: '不得提升职务' } as const;
const outcomes = { accountable: '问责', cleared: '澄清了结', exempted: '容错免责' } as const;
const decisions = { agree: '同意', defer: '暂缓', reject: '不同意' } as const;
const handlings = { refused: '拒收', returned: '退还', handedIn: '上交' } as const;

/** The file entries of `signing.events`: posts taken and left, letters and pledges signed. */
export const fromSigning: From<SigningEvent> = {
  'signing.PersonAssigned.v1': (e) => entries(e, topics.signing, [e.data], { summary: `任${e.data.title}（${e.data.startDate}起）`, category: 'post', recordId: e.data.postId }),
  'signing.PersonLeftPost.v1': (e) => entries(e, topics.signing, [e.data], { summary: `离任（${e.data.endDate}）`, category: 'post', recordId: e.data.postId }),
  'signing.LetterSigned.v1': (e) =>
    entries(e, topics.signing, [{ personId: e.data.signature.signerPersonId, unitId: e.data.unitId }], { summary: `签订${e.data.year}年度党风廉政建设责任书`, category: 'signing', recordId: e.data.letterId }),
  'signing.PledgeSigned.v1': (e) => entries(e, topics.signing, [e.data], { summary: `签订${e.data.year}年度廉政承诺书`, category: 'signing', recordId: e.data.pledgeId }),
};

/** The file entries of `reports.events`: the lights of the key tasks a person is responsible for. */
export const fromReports: From<ReportsEvent> = {
  'reports.KeyTaskRated.v1': (e) =>
    entries(e, topics.reports, [{ personId: e.data.responsible.personId, unitId: e.data.unitId }], {
      summary: `负责的重点任务第${e.data.quarter}季度亮${lights[e.data.light]}：${e.data.reason}`,
      category: 'reports',
      recordId: `${e.data.taskId}#Q${e.data.quarter}`,
    }),
};

/** The file entries of `interviews.events`: talks held with the person, warning notices to them. */
export const fromInterviews: From<InterviewsEvent> = {
  'interviews.TalkHeld.v1': (e) => entries(e, topics.interviews, e.data.interviewees, { summary: `被${talkNames[e.data.kind]}（${e.data.heldOn}）`, category: 'talk', recordId: e.data.talkId }),
  'interviews.WarningNoticeIssued.v1': (e) => entries(e, topics.interviews, [e.data.person], { summary: `收到预警提示，限期书面回复`, category: 'notice', recordId: e.data.noticeId }),
};

/** The file entries of the service's own events: cases, measures, bans, exemptions, clarifications, visits, opinions and gifts. */
export const fromInspections: From<InspectionsEvent> = {
  'inspections.CaseOpened.v1': (e) => entries(e, topics.inspections, [e.data.person], { summary: `立案问责（${e.data.openedOn}）${e.data.inquiries.length > 0 ? '，一案双查' : ''}`, category: 'case', recordId: e.data.caseId }),
  'inspections.MeasureImposed.v1': (e) => entries(e, topics.inspections, [e.data.person], { summary: `受到${measures[e.data.measure].name}处理（${e.data.decidedOn}）`, category: 'measure', recordId: e.data.caseId }),
  'inspections.BanImposed.v1': (e) => entries(e, topics.inspections, [e.data.person], { summary: `${e.data.from}至${e.data.until}${banText[e.data.ban]}`, category: 'ban', recordId: e.data.caseId }),
  'inspections.CaseClosed.v1': (e) => entries(e, topics.inspections, [e.data.person], { summary: `案件办结：${outcomes[e.data.outcome]}（${e.data.closedOn}）`, category: 'case', recordId: e.data.caseId }),
  'inspections.CaseReopened.v1': (e) => entries(e, topics.inspections, [e.data.person], { summary: `“回头看”重新启动问责（${e.data.reopenedOn}）`, category: 'case', recordId: e.data.caseId }),
  'inspections.ExemptionGranted.v1': (e) => entries(e, topics.inspections, [e.data.person], { summary: `容错免责（${e.data.grantedOn}）`, category: 'exemption', recordId: e.data.caseId }),
  'inspections.ClarificationIssued.v1': (e) => entries(e, topics.inspections, [e.data.person], { summary: `澄清正名（${e.data.issuedOn}）`, category: 'exemption', recordId: e.data.caseId }),
  'inspections.FollowUpVisited.v1': (e) => entries(e, topics.inspections, [e.data.person], { summary: `回访（${e.data.visitedOn}）`, category: 'measure', recordId: e.data.caseId }),
  'inspections.OpinionGiven.v1': (e) =>
    entries(e, topics.inspections, [e.data.person], { summary: `拟任${e.data.appointment.post}的廉政意见：${decisions[e.data.decision]}`, category: 'opinion', recordId: e.data.opinionId }),
  'inspections.GiftRegistered.v1': (e) => entries(e, topics.inspections, [e.data.person], { summary: `登记${handlings[e.data.handling]}礼品礼金${e.data.value}元`, category: 'gift', recordId: e.data.giftId }),
};
