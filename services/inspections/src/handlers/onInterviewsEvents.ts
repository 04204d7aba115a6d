import { kafkaConsumer } from '#shared/kafka/consumer.js';
import { kafkaProducer } from '#shared/kafka/producer.js';
import { createLogger } from '#shared/logger.js';
import { tableName } from '#shared/dynamo/client.js';
import { now } from '#shared/clock.js';
import { InterviewsEvent } from '#events/index.js';
import { fromInterviews } from '../app/integrityFile.js';
import { factsFromInterviews, together } from '../app/assessmentFacts.js';

/** Files talks and warning notices in the integrity files of the people they name, and keeps the facts the assessment measures. */
export const handler = kafkaConsumer({
  consumerName: 'inspections-onInterviewsEvents',
  tableName: () => tableName('inspections'),
  schema: InterviewsEvent,
  producer: kafkaProducer('inspections-onInterviewsEvents'),
  logger: createLogger('inspections'),
  now,
  effects: together(fromInterviews, factsFromInterviews),
});
