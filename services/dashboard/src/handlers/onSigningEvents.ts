import { kafkaConsumer } from '#shared/kafka/consumer.js';
import { kafkaProducer } from '#shared/kafka/producer.js';
import { createLogger } from '#shared/logger.js';
import { now } from '#shared/clock.js';
import { SigningEvent } from '#events/index.js';
import { table, unitMoved, unitRegistered, unitRenamed } from '../adapters/projection.js';
import { letterCompleted, letterIssued, letterSigned, letterVoided } from '../adapters/letters.js';

/** Projects the unit tree and the letters from `signing.events`. */
export const handler = kafkaConsumer({
  consumerName: 'dashboard-onSigningEvents',
  tableName: table,
  schema: SigningEvent,
  producer: kafkaProducer('dashboard-onSigningEvents'),
  logger: createLogger('dashboard'),
  now,
  effects: {
    'signing.UnitRegistered.v1': unitRegistered,
    'signing.UnitRenamed.v1': unitRenamed,
    'signing.UnitMoved.v1': unitMoved,
    'signing.LetterIssued.v1': letterIssued,
    'signing.LetterSigned.v1': letterSigned,
    'signing.LetterCompleted.v1': letterCompleted,
    'signing.LetterVoided.v1': letterVoided,
  },
});
