import { kafkaConsumer } from '#shared/kafka/consumer.js';
import { kafkaProducer } from '#shared/kafka/producer.js';
import { createLogger } from '#shared/logger.js';
import { tableName } from '#shared/dynamo/client.js';
import { now } from '#shared/clock.js';
import { InterviewsEvent } from '#events/index.js';
import { fromInterviewsEffects } from '../app/fromInterviews.js';

/** Opens the rectification items that talks and warning notices ask for, and tracks the deadlines of written replies. */
export const handler = kafkaConsumer({
  consumerName: 'reports-onInterviewsEvents',
  tableName: () => tableName('reports'),
  schema: InterviewsEvent,
  producer: kafkaProducer('reports-onInterviewsEvents'),
  logger: createLogger('reports'),
  now,
  effects: fromInterviewsEffects,
});
