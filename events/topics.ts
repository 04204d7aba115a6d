/**
 * Topic names. Every service that produces has one topic, `<service>.events`; records are keyed by
 * unit id so that one unit's events keep their order. A consumer that cannot process a record sends
 * it to `<topic>.dlq`.
 */
export const topics = {
  signing: 'signing.events',
  reports: 'reports.events',
  interviews: 'interviews.events',
  inspections: 'inspections.events',
  disclosure: 'disclosure.events',
} as const;

export type TopicName = (typeof topics)[keyof typeof topics];

/** Partitions per topic; the same number locally and in MSK. */
export const topicPartitions = 3;

/** The dead-letter topic of a topic. */
export const dlqTopic = (topic: TopicName): `${TopicName}.dlq` => `${topic}.dlq`;

/** Every topic the system uses, dead-letter topics included. */
export const allTopics = (): string[] => Object.values(topics).flatMap((t) => [t, dlqTopic(t)]);
