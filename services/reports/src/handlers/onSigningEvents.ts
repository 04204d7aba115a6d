import { kafkaConsumer } from '#shared/kafka/consumer.js';
import { kafkaProducer } from '#shared/kafka/producer.js';
import { createLogger } from '#shared/logger.js';
import { tableName } from '#shared/dynamo/client.js';
import { now } from '#shared/clock.js';
import { SigningEvent } from '#events/index.js';
import { unitKey } from '../adapters/reportRepository.js';

/** Keeps the units the reports service accepts reports from, as `signing.events` announces them. */
export const handler = kafkaConsumer({
  consumerName: 'reports-onSigningEvents',
  tableName: () => tableName('reports'),
  schema: SigningEvent,
  producer: kafkaProducer('reports-onSigningEvents'),
  logger: createLogger('reports'),
  now,
  effects: {
    'signing.UnitRegistered.v1': (event) => [
      {
        Put: {
          TableName: tableName('reports'),
          Item: { ...unitKey(event.data.unitId), kind: 'unit', ancestorIds: event.data.ancestorIds, name: event.data.name },
        },
      },
    ],
    'signing.UnitRenamed.v1': (event) => [
      {
        Update: {
          TableName: tableName('reports'),
          Key: unitKey(event.data.unitId),
          UpdateExpression: 'SET #name = :name',
          ExpressionAttributeNames: { '#name': 'name' },
          ExpressionAttributeValues: { ':name': event.data.name },
        },
      },
    ],
    // The unit and everything below it take their new ancestors, which reach is judged by.
    'signing.UnitMoved.v1': (event) =>
      [{ unitId: event.data.unitId, ancestorIds: event.data.ancestorIds }, ...event.data.descendants].map((unit) => ({
        Update: {
          TableName: tableName('reports'),
          Key: unitKey(unit.unitId),
          UpdateExpression: 'SET ancestorIds = :ancestors',
          ExpressionAttributeValues: { ':ancestors': unit.ancestorIds },
        },
      })),
  },
});
