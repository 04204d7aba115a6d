import { relayHandler } from '#shared/outbox/relay.js';
import { kafkaProducer } from '#shared/kafka/producer.js';
import { createLogger } from '#shared/logger.js';

/** Publishes the reports outbox to `reports.events`. */
export const handler = relayHandler(kafkaProducer('reports-relay'), createLogger('reports'));
