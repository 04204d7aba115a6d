import { relayHandler } from '#shared/outbox/relay.js';
import { kafkaProducer } from '#shared/kafka/producer.js';
import { createLogger } from '#shared/logger.js';

/** Publishes the interviews outbox to `interviews.events`. */
export const handler = relayHandler(kafkaProducer('interviews-relay'), createLogger('interviews'));
