import { kafkaConsumer } from '#shared/kafka/consumer.js';
import { kafkaProducer } from '#shared/kafka/producer.js';
import { createLogger } from '#shared/logger.js';
import { tableName } from '#shared/dynamo/client.js';
import { now } from '#shared/clock.js';
import { DisclosureEvent } from '#events/index.js';
import { fromDisclosureEffects } from '../app/fromInterviews.js';

/** Tracks the answer deadlines of public complaints. */
export const handler = kafkaConsumer({
  consumerName: 'reports-onDisclosureEvents',
  tableName: () => tableName('reports'),
  schema: DisclosureEvent,
  producer: kafkaProducer('reports-onDisclosureEvents'),
  logger: createLogger('reports'),
  now,
  effects: fromDisclosureEffects,
});
