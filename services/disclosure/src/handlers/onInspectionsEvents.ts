import { kafkaConsumer } from '#shared/kafka/consumer.js';
import { kafkaProducer } from '#shared/kafka/producer.js';
import { tableName } from '#shared/dynamo/client.js';
import { now } from '#shared/clock.js';
import { InspectionsEvent } from '#events/index.js';
import { fromInspectionsEffects } from '../app/publication.js';
import { logger } from './dependencies.js';

/** Proposes for publication what `inspections.events` announces that may be published. */
export const handler = kafkaConsumer({
  consumerName: 'disclosure-onInspectionsEvents',
  tableName: () => tableName('disclosure'),
  schema: InspectionsEvent,
  producer: kafkaProducer('disclosure-onInspectionsEvents'),
  logger,
  now,
  effects: fromInspectionsEffects,
});
