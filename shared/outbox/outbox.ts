import { z } from 'zod';
import { cloudEventContentType, type CloudEvent } from '#events/envelope.js';
import { ttlAfterDays } from '../dynamo/client.js';

/** How long a published outbox item stays before TTL removes it. */
const outboxRetentionDays = 7;

/** The `kind` of an outbox item, which the relays' stream triggers filter on. */
export const outboxKind = 'outbox';

/** The outbox item, as written in the transaction and read back from the stream image. */
export const OutboxItem = z.object({
  pk: z.string(),
  sk: z.string(),
  kind: z.literal(outboxKind),
  topic: z.string(),
  key: z.string(),
  eventType: z.string(),
  event: z.string(),
  expiresAt: z.number(),
});
export type OutboxItem = z.infer<typeof OutboxItem>;

/**
 * The outbox item of one event, to put in the same TransactWriteItems as the state change it
 * records. The relay publishes it from the table's stream.
 */
export const outboxPut = (tableName: string, topic: string, event: CloudEvent, at: Date) => ({
  Put: {
    TableName: tableName,
    Item: {
      pk: `OUTBOX#${event.id}`,
      sk: 'OUTBOX',
      kind: outboxKind,
      topic,
      key: event.unitid,
      eventType: event.type,
      event: JSON.stringify(event),
      expiresAt: ttlAfterDays(at, outboxRetentionDays),
    } satisfies OutboxItem,
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

/** The Kafka headers of a relayed outbox item: the CloudEvents content type and the event type. */
export const outboxHeaders = (item: OutboxItem) => ({
  'content-type': cloudEventContentType,
  'ce-type': item.eventType,
});
