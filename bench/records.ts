/**
 * What the benchmark writes: the lists its units' reports answer, the draft it saves, and the events
 * and Kafka records of the reports service, built by the service's own decider and the shared outbox code so that they are what the
 * system itself would produce.
 */
import type { Message } from 'kafkajs';
import type { CloudEvent } from '#events/envelope.js';
import { topics } from '#events/topics.js';
import { tableName } from '#shared/dynamo/client.js';
import { outboxHeaders, outboxPut, type OutboxItem } from '#shared/outbox/outbox.js';
import { createHash } from 'node:crypto';
import { eventMaker } from '#events/envelope.js';
import type { SigningEvent } from '#events/index.js';
import { chengduStatement } from '#services/reports/src/config.js';
import { listTemplates } from '#services/signing/src/config.js';
import { decideOn } from './reportsPath.js';
import { defaultDueAt } from '#services/reports/src/domain/deadlines.js';

const signingEvent = eventMaker<SigningEvent>('/services/signing');

/**
 * The report every benchmark unit writes: the full Chengdu statement (24 items) and the sections of
 * its committee's and its secretary's published lists (Haining's template, 5 + 5 items), each
 * answered in about 60 characters, with a summary and two free sections: about 9 KB of JSON.
 */
const listTemplate = listTemplates.haining.items;
const reportedSubjects = ['committee', 'firstResponsiblePerson'] as const;

/** A stable UUID-shaped id of a bench list item, so that a draft names the items without reading them. */
const benchId = (...parts: ReadonlyArray<string | number>): string => {
  const hex = createHash('sha256').update(parts.join('/')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

/** The list items a bench unit's lists of `year` hold, by subject. */
const benchListItems = (unitId: string, year: number, subject: (typeof reportedSubjects)[number]) =>
  (listTemplate[subject] ?? []).map((text, i) => ({ itemId: benchId(unitId, year, subject, i), text, area: null }));

/**
 * The `signing.ResponsibilityListPublished.v1` events of a bench unit's committee and secretary lists
 * of `year`, as the signing service publishes them: the reports service learns the report's list
 * sections from them.
 */
export const listEventsOf = (unitId: string, year: number, at = new Date()): CloudEvent[] =>
  reportedSubjects.map((subject, i) =>
    signingEvent(
      'signing.ResponsibilityListPublished.v1',
      { subject: benchId(unitId, year, subject), unitId, version: 1 },
      {
        listId: benchId(unitId, year, subject),
        unitId,
        year,
        subject,
        postId: subject === 'committee' ? null : benchId(unitId, 'secretary'),
        personId: subject === 'committee' ? null : `bench-${unitId}`,
        version: 1,
        items: benchListItems(unitId, year, subject),
        actor: { subject: 'bench', role: 'admin', unitId: null },
      },
      { correlationId: benchId(unitId, year, i) },
      at,
    ) as CloudEvent,
  );

/** How many items a bench report answers: the list items and the statement's 24. */
export const benchReportItems = reportedSubjects.reduce((n, subject) => n + (listTemplate[subject]?.length ?? 0), 0) + chengduStatement.reduce((n, c) => n + c.items.length, 0);

/** The draft a bench unit saves for `year`: every item answered. */
export const draftBodyOf = (unitId: string, year: number) => ({
  summary:
    '本单位认真贯彻落实党风廉政建设主体责任，党委（党组）书记切实履行第一责任人职责，班子成员落实“一岗双责”，全年召开专题会议研究部署党风廉政建设工作，逐级签订责任书，推动全面从严治党向纵深发展。',
  sections: [
    { title: '履行主体责任情况', content: '召开专题会议研究部署党风廉政建设工作，逐级签订责任书，将党风廉政建设纳入年度目标考核，定期听取下级单位履责情况汇报。'.repeat(2) },
    { title: '第一责任人履职情况', content: '带头落实一岗双责，开展廉政谈话，督促班子成员抓好分管领域的党风廉政建设，及时研究解决突出问题。'.repeat(2) },
  ],
  answers: Object.fromEntries([
    ...reportedSubjects.flatMap((subject) => benchListItems(unitId, year, subject).map((item) => [item.itemId, `${item.text}：全年按计划落实，建立台账、定期督查，相关材料已归档备查。`])),
    ...chengduStatement.flatMap((c) => c.items.map((item) => [item.itemId, `${item.text}：本年度按要求落实到位，具体做法和成效详见附件材料。`])),
  ]),
});

/** The `reports.AnnualReportDraftSaved.v1` event of a first draft of `unitId`'s report on `year`. */
export const draftSavedEvent = (unitId: string, year: number, at = new Date()): CloudEvent =>
  decideOn({ kind: 'saveDraft', unitId, year, ...draftBodyOf(unitId, year) }, undefined, new Date(defaultDueAt('annualReport', year)), at).events[0]!;

/** A first draft's event and then its submission's event, of one unit and year. */
export const draftAndSubmitEvents = (unitId: string, year: number, at = new Date()): [CloudEvent, CloudEvent] => {
  const deadline = new Date(defaultDueAt('annualReport', year));
  const draft = decideOn({ kind: 'saveDraft', unitId, year, ...draftBodyOf(unitId, year) }, undefined, deadline, at);
  const submit = decideOn({ kind: 'submit', unitId, year, items: [] }, draft.next, deadline, at);
  return [draft.events[0]!, submit.events[0]!];
};

/** The outbox item the reports service writes for `event`. */
export const outboxItemOf = (event: CloudEvent, at = new Date()): OutboxItem =>
  outboxPut(tableName('reports'), topics.reports, event, at).Put.Item;

/** The Kafka record the relay publishes for an outbox item: key, value and headers. */
export const messageOf = (item: OutboxItem): Message => ({ key: item.key, value: item.event, headers: { ...outboxHeaders(item) } });
