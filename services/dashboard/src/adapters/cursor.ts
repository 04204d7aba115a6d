import type { MSKEvent } from 'aws-lambda';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, queryPartition } from '#shared/dynamo/client.js';
import type { ConsumeResult } from '#shared/kafka/consumer.js';
import { table } from './projection.js';

/**
 * The change cursor of the read models (docs/adr/0018-web-app.md): one item per consumer in the
 * `CURSOR` partition counts the events it has applied. An open dashboard reads the cursor every
 * second and fetches its views again when it moved, so a new event shows without a reload, and
 * the poll costs one small Query rather than a whole overview.
 *
 * The count moves after the consumer's batch is written, in an UpdateItem of its own (an atomic
 * `ADD`, so invocations of several partitions at once never conflict): a function that fails in
 * between leaves the cursor behind until its retry applies the rest and moves it.
 */
const partition = 'CURSOR';

/** Adds `applied` to the count of `consumer`. */
const advanceCursor = async (consumer: string, applied: number): Promise<void> => {
  await dynamo().send(
    new UpdateCommand({
      TableName: table(),
      Key: { pk: partition, sk: consumer },
      UpdateExpression: 'SET kind = :kind ADD applied :applied',
      ExpressionAttributeValues: { ':kind': 'cursor', ':applied': applied },
    }),
  );
};

/**
 * The cursor: the events applied by every consumer, together. It only grows while the models are
 * live; after a replay it starts again from zero, which a reader also sees as a change.
 */
export const readCursor = async (): Promise<string> =>
  String((await queryPartition(table(), partition, { consistent: true })).reduce((sum, item) => sum + Number(item.applied ?? 0), 0));

/** A Kafka consumer's handler that moves the cursor by the events each batch applied. */
export const movingCursor =
  (consumer: string, consume: (event: MSKEvent) => Promise<ConsumeResult>) =>
  async (event: MSKEvent): Promise<ConsumeResult> => {
    const result = await consume(event);
    if (result.outcomes.applied > 0) await advanceCursor(consumer, result.outcomes.applied);
    return result;
  };
