/**
 * What the benchmark writes: the draft it saves, and the events and Kafka records of the reports
 * service, built by the service's own decider and the shared outbox code so that they are what the
 * system itself would produce.
 */
import type { Message } from 'kafkajs';
import type { CloudEvent } from '#events/envelope.js';
import { topics } from '#events/topics.js';
import { tableName } from '#shared/dynamo/client.js';
import { outboxHeaders, outboxPut, type OutboxItem } from '#shared/outbox/outbox.js';
import { decideOn } from './reportsPath.js';

/** The draft every benchmark report is saved with: a summary and two sections, about 1 KB. */
export const draftBody = {
  summary:
    '本单位认真贯彻落实党风廉政建设主体责任，党委（党组）书记切实履行第一责任人职责，班子成员落实“一岗双责”，全年召开专题会议研究部署党风廉政建设工作，逐级签订责任书，推动全面从严治党向纵深发展。',
  sections: [
    { title: '履行主体责任情况', content: '召开专题会议研究部署党风廉政建设工作，逐级签订责任书，将党风廉政建设纳入年度目标考核，定期听取下级单位履责情况汇报。'.repeat(2) },
    { title: '第一责任人履职情况', content: '带头落实一岗双责，开展廉政谈话，督促班子成员抓好分管领域的党风廉政建设，及时研究解决突出问题。'.repeat(2) },
  ],
};

/** The `reports.AnnualReportDraftSaved.v1` event of a first draft of `unitId`'s report on `year`. */
export const draftSavedEvent = (unitId: string, year: number, at = new Date()): CloudEvent =>
  decideOn({ kind: 'saveDraft', unitId, year, ...draftBody }, undefined, at).events[0]!;

/** A first draft's event and then its submission's event, of one unit and year. */
export const draftAndSubmitEvents = (unitId: string, year: number, at = new Date()): [CloudEvent, CloudEvent] => {
  const draft = decideOn({ kind: 'saveDraft', unitId, year, ...draftBody }, undefined, at);
  const submit = decideOn({ kind: 'submit', unitId, year }, draft.next, at);
  return [draft.events[0]!, submit.events[0]!];
};

/** The outbox item the reports service writes for `event`. */
export const outboxItemOf = (event: CloudEvent, at = new Date()): OutboxItem =>
  outboxPut(tableName('reports'), topics.reports, event, at).Put.Item;

/** The Kafka record the relay publishes for an outbox item: key, value and headers. */
export const messageOf = (item: OutboxItem): Message => ({ key: item.key, value: item.event, headers: { ...outboxHeaders(item) } });
