/**
 * What the interviews service takes from `disclosure.events`: the public complaints their handling
 * bodies referred, and where to; one referred for a talk is a source a talk about the unit may cite,
 * with its summary. Only the ids, the unit and the day travel; the complaint's words stay in the
 * disclosure service.
 */
import type { TransactItem } from '#shared/kafka/consumer.js';
import type { DisclosureEvent } from '#events/index.js';
import { sourceKey, store } from '../adapters/interviewRepository.js';

type Referred = Extract<DisclosureEvent, { type: 'disclosure.ComplaintReferred.v1' }>;

export const fromDisclosureEffects = {
  'disclosure.ComplaintReferred.v1': ({ data }: Referred): TransactItem[] =>
    [{ Put: { TableName: store.table(), Item: { ...sourceKey('complaint', data.complaintId), kind: 'source', unitId: data.unitId, referredTo: data.to, summary: `公众投诉转谈话处理（${data.referredOn}）` } } }],
};
