/**
 * The idempotent Kafka consumer behind every `kafka` trigger. For each record of an MSK event, in
 * offset order within its partition:
 *  - the value must be a CloudEvent; a type the consumer does not handle is skipped (tolerant
 *    reader); a record that is not JSON, not an envelope, or whose data fails the type's schema goes
 *    to `<topic>.dlq` and the partition moves on;
 *  - the effects and an inbox item (the event id) are written in one TransactWriteItems; a
 *    redelivered event fails the inbox condition and changes nothing;
 *  - any other failure (DynamoDB or the broker unavailable, throttling) is thrown, so the event
 *    source mapping retries the batch; records before the failing one are already in the inbox and
 *    are skipped, so processing resumes from that record, in order.
 */
import type { MSKEvent } from 'aws-lambda';
import { z } from 'zod';
import { KafkaMskEventSchema } from '@aws-lambda-powertools/parser/schemas/kafka';
import type { Logger } from '@aws-lambda-powertools/logger';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { CloudEvent } from '#events/envelope.js';
import { conditionFailedAt, dynamo, ttlAfterDays } from '../dynamo/client.js';
import type { ProducerPort } from './producer.js';

/** How long an inbox item is kept: longer than any redelivery can come. */
const inboxRetentionDays = 14;

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

type Effects<E extends { type: string }> = {
  readonly [T in E['type']]?: (event: Extract<E, { type: T }>) => TransactItem[];
};

export interface ConsumerOptions<S extends z.ZodType<{ type: string; id: string }>> {
  /** Names the inbox, so that two consumers on one table keep separate inboxes. */
  readonly consumerName: string;
  readonly tableName: () => string;
  /** The union of events on the topic. */
  readonly schema: S;
  readonly effects: Effects<z.output<S>>;
  readonly producer: ProducerPort;
  readonly logger: Logger;
  readonly now: () => Date;
}

export type ConsumeOutcome = 'applied' | 'duplicate' | 'skipped' | 'dead-lettered';

type KafkaRecord = z.output<typeof KafkaMskEventSchema>['records'][string][number];

/** Builds the handler; see the module comment. */
export const kafkaConsumer = <S extends z.ZodType<{ type: string; id: string }>>(options: ConsumerOptions<S>) => {
  const { logger } = options;

  const deadLetter = async (record: KafkaRecord, reason: string) => {
    logger.warn('Record sent to the dead-letter topic', { topic: record.topic, partition: record.partition, offset: record.offset, reason });
    await options.producer.send(`${record.topic}.dlq`, [
      {
        key: record.key ?? '',
        value: record.value,
        headers: {
          'dlq-reason': reason.slice(0, 2000),
          'dlq-consumer': options.consumerName,
          'dlq-source': `${record.topic}/${record.partition}/${record.offset}`,
        },
      },
    ]);
  };

  const consume = async (record: KafkaRecord): Promise<ConsumeOutcome> => {
    let json: unknown;
    try {
      json = JSON.parse(record.value);
    } catch {
      await deadLetter(record, 'value is not JSON');
      return 'dead-lettered';
    }
    const envelope = CloudEvent.safeParse(json);
    if (!envelope.success) {
      await deadLetter(record, `not a CloudEvent: ${z.prettifyError(envelope.error)}`);
      return 'dead-lettered';
    }
    const effect = (options.effects as Record<string, ((e: unknown) => TransactItem[]) | undefined>)[envelope.data.type];
    if (!effect) return 'skipped';
    const event = options.schema.safeParse(json);
    if (!event.success) {
      await deadLetter(record, `${envelope.data.type}: ${z.prettifyError(event.error)}`);
      return 'dead-lettered';
    }
    const table = options.tableName();
    const inbox: TransactItem = {
      Put: {
        TableName: table,
        Item: {
          pk: `INBOX#${options.consumerName}#${event.data.id}`,
          sk: 'INBOX',
          kind: 'inbox',
          expiresAt: ttlAfterDays(options.now(), inboxRetentionDays),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
    try {
      await dynamo().send(new TransactWriteCommand({ TransactItems: [inbox, ...effect(event.data)] }));
      return 'applied';
    } catch (error) {
      if (conditionFailedAt(error, 0)) return 'duplicate';
      throw error;
    }
  };

  return async (event: MSKEvent): Promise<{ outcomes: Record<ConsumeOutcome, number> }> => {
    const parsed = KafkaMskEventSchema.parse(event);
    const outcomes: Record<ConsumeOutcome, number> = { applied: 0, duplicate: 0, skipped: 0, 'dead-lettered': 0 };
    // Partitions are independent: each goes in offset order, all of them at once.
    const results = await Promise.allSettled(
      Object.values(parsed.records).map(async (records) => {
        for (const record of [...records].sort((a, b) => a.offset - b.offset)) {
          outcomes[await consume(record)]++;
        }
      }),
    );
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    logger.debug('Batch consumed', { outcomes });
    return { outcomes };
  };
};
