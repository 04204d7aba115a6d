import { relayHandler } from '#shared/outbox/relay.js';
import { kafkaProducer } from '#shared/kafka/producer.js';
import { logger } from './dependencies.js';

/** Publishes the disclosure outbox to `disclosure.events`. */
export const handler = relayHandler(kafkaProducer('disclosure-relay'), logger);
