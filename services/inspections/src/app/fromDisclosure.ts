/**
 * What the inspections service takes from `disclosure.events`: the public complaints their handling
 * bodies referred, and where to (a case, a talk, another body), so that a case citing one (source
 * `complaint`) is checked: referred for a case, about the case's unit or one above it. Only the ids,
 * units and the day travel; the complaint's words stay in the disclosure service.
 */
import type { TransactItem } from '#shared/kafka/consumer.js';
import type { DisclosureEvent } from '#events/index.js';
import { referredComplaintKey, store } from '../adapters/inspectionRepository.js';

type Referred = Extract<DisclosureEvent, { type: 'disclosure.ComplaintReferred.v1' }>;

export const fromDisclosureEffects = {
  'disclosure.ComplaintReferred.v1': ({ data }: Referred): TransactItem[] =>
    [{ Put: { TableName: store.table(), Item: { ...referredComplaintKey(data.complaintId), kind: 'referredComplaint', complaintId: data.complaintId, unitId: data.unitId, handlingUnitId: data.handlingUnitId, to: data.to, referredOn: data.referredOn } } }],
};
