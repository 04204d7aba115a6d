import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { DynamoDBStreamRecord } from '@aws-lambda-powertools/parser/schemas/dynamodb';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { ProducerPort } from '../kafka/producer.js';
import { countRelayFailure, countRelayed, publishMetrics } from '../metrics.js';
import { OutboxItem, outboxHeaders } from './outbox.js';

/** The service that owns a topic: topics are named `<service>.events`. */
const serviceOf = (topic: string): string => topic.split('.')[0] ?? topic;

/** The `correlationid` of an outbox item's event, read only when a line is logged about it. */
const correlationOf = (item: OutboxItem): string | undefined => {
  try {
    const id = (JSON.parse(item.event) as { correlationid?: unknown }).correlationid;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
};

/**
 * The outbox relay: a DynamoDB Streams handler (the event source mapping passes only INSERTs of
 * `kind = outbox`) that publishes each item to its topic, in stream order, consecutive items of one
 * topic in one request. When publishing fails it reports the first unpublished record, so Lambda
 * retries from there and order is kept; consumers are idempotent, so a record published twice
 * changes nothing. Each record is parsed on its own: a record that is not an INSERT (a TTL delete of
 * a published item, say) is ignored, and one that is not an outbox item is skipped with a warning.
 * Records relayed and failed attempts are counted as metrics (`#shared/metrics.js`).
 * https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-batchfailurereporting.html
 *
 * @example
 * ```ts
 * import { relayHandler } from '#shared/outbox/relay.js';
 * import { kafkaProducer } from '#shared/kafka/producer.js';
 * import { createLogger } from '#shared/logger.js';
 *
 * export const handler = relayHandler(kafkaProducer('signing-relay'), createLogger('signing'));
 * ```
 */
export const relayHandler =
  (producer: ProducerPort, logger: Logger) =>
  async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    try {
      const items: Array<{ sequence: string; item: OutboxItem }> = [];
      for (const raw of event.Records ?? []) {
        const sequence = raw.dynamodb?.SequenceNumber ?? '';
        if (raw.eventName !== 'INSERT') {
          logger.debug('Ignoring a stream record that is not an insert', { sequence, eventName: raw.eventName });
          continue;
        }
        // The Powertools schema checks the record and unmarshalls its images.
        const record = DynamoDBStreamRecord.safeParse(raw);
        const item = record.success ? OutboxItem.safeParse(record.data.dynamodb.NewImage) : undefined;
        if (item?.success) items.push({ sequence, item: item.data });
        else logger.warn('Skipping a stream record that is not an outbox item', { sequence });
      }
      for (let start = 0; start < items.length; ) {
        const topic = items[start]!.item.topic;
        let end = start;
        while (end < items.length && items[end]!.item.topic === topic) end++;
        const run = items.slice(start, end);
        try {
          await producer.send(topic, run.map(({ item }) => ({ key: item.key, value: item.event, headers: outboxHeaders(item) })));
        } catch (error) {
          countRelayFailure(serviceOf(topic), topic);
          const first = run[0]!;
          logger.warn('Publishing failed; the batch will be retried from this record', {
            sequence: first.sequence,
            topic,
            correlationid: correlationOf(first.item),
            error: error as Error,
          });
          return { batchItemFailures: [{ itemIdentifier: first.sequence }] };
        }
        countRelayed(serviceOf(topic), topic, run.length);
        start = end;
      }
      return { batchItemFailures: [] };
    } finally {
      publishMetrics();
    }
  };
