/**
 * What the interviews service takes from `inspections.events`: the head of a unit ranked among the
 * lowest in a year-end assessment gets a suggested admonishment talk (诫勉谈话), hosted by the
 * commission that ran the assessment, its source the ranking. A function of the event alone.
 */
import type { TransactItem } from '#shared/kafka/consumer.js';
import type { InspectionsEvent } from '#events/index.js';
import { sourceKey, store } from '../adapters/interviewRepository.js';
import { suggestedTalk } from './fromReports.js';

type Effect<T extends InspectionsEvent['type']> = (event: Extract<InspectionsEvent, { type: T }>) => TransactItem[];

const admonishment: Effect<'inspections.AdmonishmentProposed.v1'> = (event) => {
  const { data } = event;
  const sourceId = `${data.assessmentId}#${data.unitId}`;
  const summary = `${data.year}年度党风廉政建设责任制考核排名第${data.rank}位（末位），建议诫勉谈话`;
  const source: TransactItem = { Put: { TableName: store.table(), Item: { ...sourceKey('assessment', sourceId), kind: 'source', unitId: data.unitId, summary } } };
  if (!data.head) return [source];
  return [
    source,
    ...suggestedTalk(event, {
      kind: 'admonishment',
      unitId: data.unitId,
      hostUnitId: data.actor.unitId ?? data.unitId,
      subject: `${data.year}年度考核排名末位，建议对主要负责人诫勉谈话`,
      source: { kind: 'assessment', id: sourceId, summary },
      interviewee: data.head,
    }),
  ];
};

export const fromInspectionsEffects = { 'inspections.AdmonishmentProposed.v1': admonishment };
