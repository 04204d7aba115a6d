import { kafkaConsumer } from '#shared/kafka/consumer.js';
import { kafkaProducer } from '#shared/kafka/producer.js';
import { createLogger } from '#shared/logger.js';
import { tableName } from '#shared/dynamo/client.js';
import { now } from '#shared/clock.js';
import { InspectionsEvent } from '#events/index.js';
import { fromInspectionsEffects } from '../app/fromInspections.js';

/** Suggests admonishment talks with the heads of the units an assessment ranked lowest. */
export const handler = kafkaConsumer({
  consumerName: 'interviews-onInspectionsEvents',
  tableName: () => tableName('interviews'),
  schema: InspectionsEvent,
  producer: kafkaProducer('interviews-onInspectionsEvents'),
  logger: createLogger('interviews'),
  now,
  effects: fromInspectionsEffects,
});
