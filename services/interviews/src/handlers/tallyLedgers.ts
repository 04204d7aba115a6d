import { kafkaConsumer } from '#shared/kafka/consumer.js';
import { kafkaProducer } from '#shared/kafka/producer.js';
import { createLogger } from '#shared/logger.js';
import { tableName } from '#shared/dynamo/client.js';
import { now } from '#shared/clock.js';
import { InterviewsEvent } from '#events/index.js';
import { ledgerEffects } from '../app/ledgers.js';

/** Counts the service's own events into the yearly ledger sums of each unit. */
export const handler = kafkaConsumer({
  consumerName: 'interviews-tallyLedgers',
  tableName: () => tableName('interviews'),
  schema: InterviewsEvent,
  producer: kafkaProducer('interviews-tallyLedgers'),
  logger: createLogger('interviews'),
  now,
  effects: ledgerEffects,
});
