import { kafkaConsumer } from '#shared/kafka/consumer.js';
import { kafkaProducer } from '#shared/kafka/producer.js';
import { createLogger } from '#shared/logger.js';
import { now } from '#shared/clock.js';
import { ReportsEvent } from '#events/index.js';
import { draftSaved, submitted, table } from '../adapters/projection.js';

/** Projects annual report status from `reports.events`. */
export const handler = kafkaConsumer({
  consumerName: 'dashboard-onReportsEvents',
  tableName: table,
  schema: ReportsEvent,
  producer: kafkaProducer('dashboard-onReportsEvents'),
  logger: createLogger('dashboard'),
  now,
  effects: {
    'reports.AnnualReportDraftSaved.v1': draftSaved,
    'reports.AnnualReportSubmitted.v1': submitted,
  },
});
