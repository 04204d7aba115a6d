/**
 * A complaint's answer deadline is kept by the reports service's engine (an `external` deadline of
 * the handling unit, from `ComplaintRouted`): it reminds the handling body before the due day and,
 * the day after, escalates to the committee and the commission above it. This service takes the
 * first escalation to the commission from `reports.events` and marks the complaint escalated, in an
 * item of its own beside the complaint, so that no write of the complaint's own is ever overtaken.
 */
import type { TransactItem } from '#shared/kafka/consumer.js';
import { complaintOfSubject } from '#events/disclosure/parts.js';
import type { ReportsEvent } from '#events/index.js';
import { escalationKey, store } from '../adapters/disclosureRepository.js';

type Escalated = Extract<ReportsEvent, { type: 'reports.DeadlineEscalated.v1' }>;

/** The complaints whose answer the engine escalated (its first round, to the commission above). */
export const escalatedEffects = (event: Escalated): TransactItem[] => {
  const { data } = event;
  if (data.kind !== 'external' || data.round !== 1 || data.to !== 'disciplineCommission') return [];
  return data.overdue.flatMap(({ deadline }) => {
    const complaintId = complaintOfSubject(deadline.subject);
    if (complaintId === undefined) return [];
    return [{ Put: { TableName: store.table(), Item: { ...escalationKey(deadline.unitId, complaintId), kind: 'escalation', complaintId, escalatedOn: data.runAt.slice(0, 10), escalatedTo: data.unitId, escalationId: data.escalationId } } }];
  });
};
