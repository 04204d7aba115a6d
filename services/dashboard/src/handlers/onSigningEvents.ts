import { kafkaConsumer } from '#shared/kafka/consumer.js';
import { kafkaProducer } from '#shared/kafka/producer.js';
import { createLogger } from '#shared/logger.js';
import { now } from '#shared/clock.js';
import { SigningEvent } from '#events/index.js';
import { table, unitRegistered } from '../adapters/projection.js';

/** Projects the unit tree from `signing.events`. */
export const handler = kafkaConsumer({
  consumerName: 'dashboard-onSigningEvents',
  tableName: table,
  schema: SigningEvent,
  producer: kafkaProducer('dashboard-onSigningEvents'),
  logger: createLogger('dashboard'),
  now,
  effects: { 'signing.UnitRegistered.v1': unitRegistered },
});
