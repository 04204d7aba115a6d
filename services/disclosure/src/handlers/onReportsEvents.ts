import { kafkaConsumer } from '#shared/kafka/consumer.js';
import { kafkaProducer } from '#shared/kafka/producer.js';
import { tableName } from '#shared/dynamo/client.js';
import { now } from '#shared/clock.js';
import { ReportsEvent } from '#events/index.js';
import { fromReportsEffects } from '../app/publication.js';
import { logger } from './dependencies.js';

/** Proposes for publication what `reports.events` announces that may be published. */
export const handler = kafkaConsumer({
  consumerName: 'disclosure-onReportsEvents',
  tableName: () => tableName('disclosure'),
  schema: ReportsEvent,
  producer: kafkaProducer('disclosure-onReportsEvents'),
  logger,
  now,
  effects: fromReportsEffects,
});
