/**
 * What the inspections service takes from `disclosure.events`: a public complaint its handling body
 * referred for a case, which a commission may then open a case on (source `complaint`). Only the
 * ids and units travel; the complaint's words stay in the disclosure service.
 */
import type { TransactItem } from '#shared/kafka/consumer.js';
import type { DisclosureEvent } from '#events/index.js';
import { referredComplaintKey, store } from '../adapters/inspectionRepository.js';

type Referred = Extract<DisclosureEvent, { type: 'disclosure.ComplaintReferred.v1' }>;

export const fromDisclosureEffects = {
  'disclosure.ComplaintReferred.v1': ({ data }: Referred): TransactItem[] =>
    data.to === 'case'
      ? [{ Put: { TableName: store.table(), Item: { ...referredComplaintKey(data.complaintId), kind: 'referredComplaint', complaintId: data.complaintId, unitId: data.unitId, handlingUnitId: data.handlingUnitId, referredOn: data.referredOn } } }]
      : [],
};
