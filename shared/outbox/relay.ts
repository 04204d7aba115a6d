import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { DynamoDBStreamSchema } from '@aws-lambda-powertools/parser/schemas/dynamodb';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { ProducerPort } from '../kafka/producer.js';
import { OutboxItem, outboxHeaders } from './outbox.js';

/**
 * The outbox relay: a DynamoDB Streams handler (the event source mapping passes only INSERTs of
 * `kind = outbox`) that publishes each item to its topic, in stream order. When publishing fails it
 * reports the first unpublished record, so Lambda retries from there and order is kept; consumers
 * are idempotent, so a record published twice changes nothing.
 * https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-batchfailurereporting.html
 */
export const relayHandler =
  (producer: ProducerPort, logger: Logger) =>
  async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    // The Powertools schema checks the event and unmarshalls each image already.
    const records = DynamoDBStreamSchema.parse(event).Records;
    const items = records.flatMap((record, index) => {
      const sequence = event.Records[index]?.dynamodb?.SequenceNumber ?? '';
      const item = OutboxItem.safeParse(record.dynamodb.NewImage);
      if (item.success) return [{ sequence, item: item.data }];
      logger.warn('Skipping a stream record that is not an outbox item', { sequence });
      return [];
    });
    // Consecutive items of one topic go out in one request.
    for (let start = 0; start < items.length; ) {
      const topic = items[start]!.item.topic;
      let end = start;
      while (end < items.length && items[end]!.item.topic === topic) end++;
      const run = items.slice(start, end);
      try {
        await producer.send(topic, run.map(({ item }) => ({ key: item.key, value: item.event, headers: outboxHeaders(item) })));
      } catch (error) {
        logger.warn('Publishing failed; the batch will be retried from this record', { error: error as Error });
        return { batchItemFailures: [{ itemIdentifier: run[0]!.sequence }] };
      }
      start = end;
    }
    return { batchItemFailures: [] };
  };
