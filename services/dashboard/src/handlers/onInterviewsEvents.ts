import { kafkaConsumer } from '#shared/kafka/consumer.js';
import { kafkaProducer } from '#shared/kafka/producer.js';
import { movingCursor } from '../adapters/cursor.js';
import { createLogger } from '#shared/logger.js';
import { now } from '#shared/clock.js';
import { InterviewsEvent } from '#events/index.js';
import { table } from '../adapters/projection.js';
import {
  educationPlanFiled,
  educationSessionHeld,
  talkHeld,
  talkProposed,
  trainingCompleted,
  warningNoticeIssued,
  warningReplyAccepted,
  warningReplyOverdue,
  warningReplyReceived,
  warningReplyReturned,
} from '../adapters/interviews.js';

const consumerName = 'dashboard-onInterviewsEvents';

/**
 * Projects talks held and suggested, warning notices with their replies, and integrity education
 * from `interviews.events`, as counts per unit and year. Each batch moves the change cursor
 * (`adapters/cursor.ts`).
 */
export const handler = movingCursor(
  consumerName,
  kafkaConsumer({
    consumerName,
    tableName: table,
    schema: InterviewsEvent,
    producer: kafkaProducer(consumerName),
    logger: createLogger('dashboard'),
    now,
    effects: {
      'interviews.TalkProposed.v1': talkProposed,
      'interviews.TalkHeld.v1': talkHeld,
      'interviews.WarningNoticeIssued.v1': warningNoticeIssued,
      'interviews.WarningReplyReceived.v1': warningReplyReceived,
      'interviews.WarningReplyReturned.v1': warningReplyReturned,
      'interviews.WarningReplyAccepted.v1': warningReplyAccepted,
      'interviews.WarningReplyOverdue.v1': warningReplyOverdue,
      'interviews.EducationPlanFiled.v1': educationPlanFiled,
      'interviews.EducationSessionHeld.v1': educationSessionHeld,
      'interviews.TrainingCompleted.v1': trainingCompleted,
    },
  }),
);
