import { kafkaConsumer } from '#shared/kafka/consumer.js';
import { kafkaProducer } from '#shared/kafka/producer.js';
import { movingCursor } from '../adapters/cursor.js';
import { createLogger } from '#shared/logger.js';
import { now } from '#shared/clock.js';
import { ReportsEvent } from '#events/index.js';
import { accepted, draftSaved, reopened, returned, submitted, table } from '../adapters/projection.js';
import { rectificationClosed, rectificationEvidenceSubmitted, rectificationOpened, rectificationReopened } from '../adapters/rectifications.js';
import { keyTaskAdded, keyTaskClosed, keyTaskProgressed, keyTaskRated, keyTaskRatingCommented } from '../adapters/keyTasks.js';
import { deadlineEscalated, deliveryFailed, reminderSent } from '../adapters/reminders.js';

const consumerName = 'dashboard-onReportsEvents';

/**
 * Projects annual report status, rectification items, key tasks with their lights, and the deadline
 * engine's reminders, failed deliveries and escalations from `reports.events`.
 * Each batch moves the change cursor (`adapters/cursor.ts`).
 */
export const handler = movingCursor(
  consumerName,
  kafkaConsumer({
    consumerName,
    tableName: table,
    schema: ReportsEvent,
    producer: kafkaProducer(consumerName),
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
  }),
);
