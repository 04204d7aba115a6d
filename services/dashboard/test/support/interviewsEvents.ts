/**
 * Fixture events of `interviews.events` for integration tests, put on the real topic through the
 * project's Kafka producer, keyed by unit id as the interviews service's relay keys them.
 */
import { cstDate } from '#events/envelope.js';
import { withFreshIds, type FixtureName } from '#events/fixtures/index.js';
import { InterviewsEvent } from '#events/index.js';
import { cloudEventContentType } from '#events/envelope.js';
import { topics } from '#events/topics.js';
import { kafkaProducer } from '#shared/kafka/producer.js';

/**
 * The fixture of `name` for `unitId`, with a fresh event id, at `time`, and `data` laid over the
 * fixture's; the subject is the record the event is about (a talk, a notice, a session, ...).
 * Checked against its schema, so that a mistake in a test fails here and not as a dead letter.
 */
export const interviewsEvent = (name: Extract<FixtureName, `interviews.${string}`>, unitId: string, time: string, data: Record<string, unknown> = {}) => {
  // A talk held is recorded the day it was held, unless the test says otherwise.
  const event = withFreshIds(name, unitId, name === 'interviews.TalkHeld.v1' ? { heldOn: cstDate(new Date(time)), ...data } : data);
  const about = event.data as { talkId?: string; noticeId?: string; planId?: string; sessionId?: string; trainingId?: string };
  const subject = about.talkId ?? about.noticeId ?? about.planId ?? about.sessionId ?? about.trainingId ?? unitId;
  return InterviewsEvent.parse({ ...event, subject, time });
};

/** A publisher to `interviews.events`; its producer reads `KAFKA_BROKERS`, which a started runtime sets. */
export const interviewsPublisher = () => {
  const producer = kafkaProducer('dashboard-interviews-projection-test');
  return {
    /** Publishes the events in the order given (one unit's events keep it: they share a key). */
    publish: (events: readonly InterviewsEvent[]) =>
      producer.send(
        topics.interviews,
        events.map((event) => ({ key: event.unitid, value: JSON.stringify(event), headers: { 'content-type': cloudEventContentType } })),
      ),
    stop: () => producer.disconnect(),
  };
};
