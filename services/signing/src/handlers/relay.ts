import { relayHandler } from '#shared/outbox/relay.js';
import { kafkaProducer } from '#shared/kafka/producer.js';
import { createLogger } from '#shared/logger.js';

/** Publishes the signing outbox to `signing.events`. */
export const handler = relayHandler(kafkaProducer('signing-relay'), createLogger('signing'));
