import { kafkaConsumer } from '#shared/kafka/consumer.js';
import { kafkaProducer } from '#shared/kafka/producer.js';
import { createLogger } from '#shared/logger.js';
import { tableName } from '#shared/dynamo/client.js';
import { now } from '#shared/clock.js';
import { InspectionsEvent } from '#events/index.js';
import { fromInspectionsEffects } from '../app/fromInterviews.js';

/** Opens the rectification items that feedback sheets and patrol findings ask for. */
export const handler = kafkaConsumer({
  consumerName: 'reports-onInspectionsEvents',
  tableName: () => tableName('reports'),
  schema: InspectionsEvent,
  producer: kafkaProducer('reports-onInspectionsEvents'),
  logger: createLogger('reports'),
  now,
  effects: fromInspectionsEffects,
});
