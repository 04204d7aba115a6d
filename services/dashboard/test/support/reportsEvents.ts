/**
 * Fixture events of `reports.events` for integration tests, put on the real topic through the
 * project's Kafka producer, keyed by unit id as the reports service's relay keys them.
 */
import { withFreshIds, type FixtureName } from '#events/fixtures/index.js';
import { ReportsEvent } from '#events/index.js';
import { cloudEventContentType } from '#events/envelope.js';
import { topics } from '#events/topics.js';
import { kafkaProducer } from '#shared/kafka/producer.js';

/**
 * The fixture of `name` for `unitId`, with a fresh event id, the aggregate version given and `data`
 * laid over the fixture's; the subject is the aggregate the event is about. Checked against its
 * schema, so that a mistake in a test fails here and not as a dead letter.
 */
export const reportsEvent = (name: Extract<FixtureName, `reports.${string}`>, unitId: string, aggregateversion: number, data: Record<string, unknown> = {}) => {
  const event = withFreshIds(name, unitId, data);
  const about = event.data as { rectificationId?: string; taskId?: string; hearingId?: string; year?: number };
  const subject = about.rectificationId ?? about.taskId ?? about.hearingId ?? `${unitId}/annual-reports/${about.year}`;
  return ReportsEvent.parse({ ...event, subject, aggregateversion });
};

/** A publisher to `reports.events`; its producer reads `KAFKA_BROKERS`, which a started runtime sets. */
export const reportsPublisher = () => {
  const producer = kafkaProducer('dashboard-reports-projection-test');
  return {
    /** Publishes the events in the order given (one unit's events keep it: they share a key). */
    publish: (events: readonly ReportsEvent[]) =>
      producer.send(
        topics.reports,
        events.map((event) => ({ key: event.unitid, value: JSON.stringify(event), headers: { 'content-type': cloudEventContentType } })),
      ),
    stop: () => producer.disconnect(),
  };
};
