import { kafkaConsumer } from '#shared/kafka/consumer.js';
import { kafkaProducer } from '#shared/kafka/producer.js';
import { createLogger } from '#shared/logger.js';
import { tableName } from '#shared/dynamo/client.js';
import { now } from '#shared/clock.js';
import { ReportsEvent } from '#events/index.js';
import { fromReportsEffects } from '../app/fromReports.js';

/** Takes from `reports.events` the sources talks cite, red lights, rectification steps and overdue replies. */
export const handler = kafkaConsumer({
  consumerName: 'interviews-onReportsEvents',
  tableName: () => tableName('interviews'),
  schema: ReportsEvent,
  producer: kafkaProducer('interviews-onReportsEvents'),
  logger: createLogger('interviews'),
  now,
  effects: fromReportsEffects,
});
