import { kafkaConsumer } from '#shared/kafka/consumer.js';
import { kafkaProducer } from '#shared/kafka/producer.js';
import { tableName } from '#shared/dynamo/client.js';
import { now } from '#shared/clock.js';
import { DisclosureEvent } from '#events/index.js';
import { figureEffects } from '../app/figures.js';
import { logger } from './dependencies.js';

/** Counts the service's own events into the live figures of each handling unit. */
export const handler = kafkaConsumer({
  consumerName: 'disclosure-tallyFigures',
  tableName: () => tableName('disclosure'),
  schema: DisclosureEvent,
  producer: kafkaProducer('disclosure-tallyFigures'),
  logger,
  now,
  effects: figureEffects,
});
