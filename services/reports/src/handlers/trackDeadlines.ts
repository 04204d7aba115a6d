import { kafkaConsumer } from '#shared/kafka/consumer.js';
import { kafkaProducer } from '#shared/kafka/producer.js';
import { createLogger } from '#shared/logger.js';
import { tableName } from '#shared/dynamo/client.js';
import { now } from '#shared/clock.js';
import { ReportsEvent } from '#events/index.js';
import { deadlineTrackingEffects } from '../app/deadlineTracking.js';

/** Keeps the deadline engine's sets and due-date index from the service's own `reports.events`. */
export const handler = kafkaConsumer({
  consumerName: 'reports-trackDeadlines',
  tableName: () => tableName('reports'),
  schema: ReportsEvent,
  producer: kafkaProducer('reports-trackDeadlines'),
  logger: createLogger('reports'),
  now,
  effects: deadlineTrackingEffects,
});
