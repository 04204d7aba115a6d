import { kafkaConsumer } from '#shared/kafka/consumer.js';
import { kafkaProducer } from '#shared/kafka/producer.js';
import { createLogger } from '#shared/logger.js';
import { tableName } from '#shared/dynamo/client.js';
import { now } from '#shared/clock.js';
import { InspectionsEvent } from '#events/index.js';
import { fromInspections } from '../app/integrityFile.js';
import { factsFromInspections, together } from '../app/assessmentFacts.js';

/** Files the service’s own events in the integrity files of the people they name, and keeps the measures the assessment counts. */
export const handler = kafkaConsumer({
  consumerName: 'inspections-fileOwnEvents',
  tableName: () => tableName('inspections'),
  schema: InspectionsEvent,
  producer: kafkaProducer('inspections-fileOwnEvents'),
  logger: createLogger('inspections'),
  now,
  effects: together(fromInspections, factsFromInspections),
});
