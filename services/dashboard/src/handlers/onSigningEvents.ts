import { kafkaConsumer } from '#shared/kafka/consumer.js';
import { kafkaProducer } from '#shared/kafka/producer.js';
import { movingCursor } from '../adapters/cursor.js';
import { createLogger } from '#shared/logger.js';
import { now } from '#shared/clock.js';
import { SigningEvent } from '#events/index.js';
import { table, unitMoved, unitRegistered, unitRenamed } from '../adapters/projection.js';
import { letterCompleted, letterIssued, letterSigned, letterVoided } from '../adapters/letters.js';

const consumerName = 'dashboard-onSigningEvents';

/**
 * Projects the unit tree and the letters from `signing.events`.
 * Each batch moves the change cursor (`adapters/cursor.ts`).
 */
export const handler = movingCursor(
  consumerName,
  kafkaConsumer({
    consumerName,
    tableName: table,
    schema: SigningEvent,
    producer: kafkaProducer(consumerName),
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
  }),
);
