import { kafkaConsumer } from '#shared/kafka/consumer.js';
import { kafkaProducer } from '#shared/kafka/producer.js';
import { createLogger } from '#shared/logger.js';
import { tableName } from '#shared/dynamo/client.js';
import { now } from '#shared/clock.js';
import { ReportsEvent } from '#events/index.js';
import { fromReports } from '../app/integrityFile.js';
import { factsFromReports, together } from '../app/assessmentFacts.js';

/** Files the lights of key tasks in the integrity files of the people responsible, and keeps the facts the assessment measures. */
export const handler = kafkaConsumer({
  consumerName: 'inspections-onReportsEvents',
  tableName: () => tableName('inspections'),
  schema: ReportsEvent,
  producer: kafkaProducer('inspections-onReportsEvents'),
  logger: createLogger('inspections'),
  now,
  effects: together(fromReports, factsFromReports),
});
