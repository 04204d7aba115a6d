import { relayHandler } from '#shared/outbox/relay.js';
import { kafkaProducer } from '#shared/kafka/producer.js';
import { createLogger } from '#shared/logger.js';

/** Publishes the inspections outbox to `inspections.events`. */
export const handler = relayHandler(kafkaProducer('inspections-relay'), createLogger('inspections'));
