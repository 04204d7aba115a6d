import { kafkaConsumer } from '#shared/kafka/consumer.js';
import { kafkaProducer } from '#shared/kafka/producer.js';
import { createLogger } from '#shared/logger.js';
import { now } from '#shared/clock.js';
import { ReportsEvent } from '#events/index.js';
import { accepted, draftSaved, reopened, returned, submitted, table } from '../adapters/projection.js';
import { rectificationClosed, rectificationEvidenceSubmitted, rectificationOpened, rectificationReopened } from '../adapters/rectifications.js';
import { keyTaskAdded, keyTaskClosed, keyTaskProgressed, keyTaskRated, keyTaskRatingCommented } from '../adapters/keyTasks.js';
import { deadlineEscalated, deliveryFailed, reminderSent } from '../adapters/reminders.js';

/**
 * Projects annual report status, rectification items, key tasks with their lights, and the deadline
 * engine's reminders, failed deliveries and escalations from `reports.events`.
 */
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
    'reports.AnnualReportReturned.v1': returned,
    'reports.AnnualReportAccepted.v1': accepted,
    'reports.AnnualReportReopened.v1': reopened,
    'reports.RectificationOpened.v1': rectificationOpened,
    'reports.RectificationEvidenceSubmitted.v1': rectificationEvidenceSubmitted,
    'reports.RectificationClosed.v1': rectificationClosed,
    'reports.RectificationReopened.v1': rectificationReopened,
    'reports.KeyTaskAdded.v1': keyTaskAdded,
    'reports.KeyTaskProgressed.v1': keyTaskProgressed,
    'reports.KeyTaskClosed.v1': keyTaskClosed,
    'reports.KeyTaskRated.v1': keyTaskRated,
    'reports.KeyTaskRatingCommented.v1': keyTaskRatingCommented,
    'reports.ReminderSent.v1': reminderSent,
    'reports.DeliveryFailed.v1': deliveryFailed,
    'reports.DeadlineEscalated.v1': deadlineEscalated,
  },
});
