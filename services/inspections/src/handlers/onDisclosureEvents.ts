import { kafkaConsumer } from '#shared/kafka/consumer.js';
import { kafkaProducer } from '#shared/kafka/producer.js';
import { createLogger } from '#shared/logger.js';
import { tableName } from '#shared/dynamo/client.js';
import { now } from '#shared/clock.js';
import { DisclosureEvent } from '#events/index.js';
import { fromDisclosureEffects } from '../app/fromDisclosure.js';

/** Keeps the public complaints referred, and where to, which a case citing one is checked against. */
export const handler = kafkaConsumer({
  consumerName: 'inspections-onDisclosureEvents',
  tableName: () => tableName('inspections'),
  schema: DisclosureEvent,
  producer: kafkaProducer('inspections-onDisclosureEvents'),
  logger: createLogger('inspections'),
  now,
  effects: fromDisclosureEffects,
});
