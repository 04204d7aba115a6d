/**
 * The dashboard's read model of the deadline engine, from `reports.events`: one item per fact in one
 * partition (`REMINDERS`), keyed by the fact's identity (`UNIT#<unitId>#REMINDER#<reminderId>`,
 * `UNIT#<unitId>#FAILURE#<reminderId>#<channel>`, `ESCALATION#<escalationId>`; see
 * `domain/reminders.ts`). Each event is one Put of its fact, with no condition: a redelivery or a
 * replay writes the same item again, and the counts are of items, so they do not grow. An escalation
 * stays one item however many units it names, so that its effect is one action whatever its size.
 */
import { queryPartition } from '#shared/dynamo/client.js';
import type { TransactItem } from '#shared/kafka/consumer.js';
import type { DeadlineEscalatedV1, DeliveryFailedV1, ReminderSentV1 } from '#events/index.js';
import { factOf, identityOf, type DeadlineEvent, type DeadlineFact } from '../domain/reminders.js';
import { table } from './projection.js';

const partition = 'REMINDERS';

/** The effect of an event: its fact, put under its identity. */
const kept = (event: DeadlineEvent): TransactItem[] => {
  const fact = factOf(event);
  return [{ Put: { TableName: table(), Item: { pk: partition, sk: identityOf(fact), ...fact } } }];
};

/** A reminder went to a unit's people (or one of them). */
export const reminderSent = (event: ReminderSentV1) => kept(event);
/** A reminder could not be delivered through a channel. */
export const deliveryFailed = (event: DeliveryFailedV1) => kept(event);
/** Overdue units were escalated to their overseer. */
export const deadlineEscalated = (event: DeadlineEscalatedV1) => kept(event);

/** Every reminder, failed delivery and escalation the dashboard has heard of. */
export const loadDeadlineFacts = async (): Promise<DeadlineFact[]> =>
  (await queryPartition(table(), partition)).map(({ pk: _pk, sk: _sk, ...fact }) => fact as unknown as DeadlineFact);
