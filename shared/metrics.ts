/**
 * The system's metrics: counts of what the consumers, the relays and the HTTP handlers did, sent to
 * CloudWatch in the Embedded Metric Format by Powertools Metrics, under the namespace
 * {@link metricsNamespace} with a `service` dimension.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html
 *
 * Counting is cheap and synchronous: a count is added to a pending sum and to an in-process tally.
 * {@link publishMetrics} turns the pending sums into EMF (one line per dimension set) and must run
 * once at the end of every invocation, as Lambda keeps no output of a frozen sandbox.
 * `POWERTOOLS_METRICS_DISABLED=true` (read when the first metric of a dimension set is published)
 * stops the EMF output and keeps the tally: the local runtime sets it, as CloudWatch is not there.
 *
 * The tally ({@link metricTally}) holds every count since the process started, keyed
 * `Name{dimension=value,...}` with the dimensions, `service` included, in alphabetical order, e.g.
 * `ConsumerDeadLettered{consumer=dashboard-onReportsEvents,service=dashboard}`; {@link tallyKey}
 * builds such a key.
 *
 * @example
 * ```ts
 * import { countHttpResponse, metricTally, publishMetrics, tallyKey } from '#shared/metrics.js';
 *
 * countHttpResponse('signing', 201);
 * publishMetrics();
 * const created = metricTally()[tallyKey('HttpResponses', { service: 'signing', statusClass: '2xx' })];
 * ```
 */
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/** The CloudWatch namespace of every metric of the system. */
export const metricsNamespace = 'CleanGovernance';

/** What a consumer did with one record. */
export type ConsumerOutcome = 'applied' | 'duplicate' | 'skipped' | 'dead-lettered';

/** The metric name of each consumer outcome; the dimension `consumer` names the consumer. */
export const consumerMetricNames: Readonly<Record<ConsumerOutcome, string>> = {
  applied: 'ConsumerApplied',
  duplicate: 'ConsumerDuplicate',
  skipped: 'ConsumerSkipped',
  'dead-lettered': 'ConsumerDeadLettered',
};

type Dimensions = Readonly<Record<string, string>>;

interface DimensionSet {
  readonly service: string;
  readonly dimensions: Dimensions;
  /** Created on first publish, so that it reads the environment the runtime has set by then. */
  emitter?: Metrics;
  readonly pending: Map<string, number>;
}

const sets = new Map<string, DimensionSet>();
const tally = new Map<string, number>();

/** The tally key of a metric: its name and its dimensions (`service` included) in alphabetical order. */
export const tallyKey = (name: string, dimensions: Dimensions): string =>
  `${name}{${Object.keys(dimensions)
    .sort()
    .map((key) => `${key}=${dimensions[key]}`)
    .join(',')}}`;

const count = (service: string, name: string, dimensions: Dimensions, value: number): void => {
  if (value <= 0) return;
  const key = tallyKey(name, { ...dimensions, service });
  tally.set(key, (tally.get(key) ?? 0) + value);
  const setKey = tallyKey('', { ...dimensions, service });
  let set = sets.get(setKey);
  if (!set) sets.set(setKey, (set = { service, dimensions, pending: new Map() }));
  set.pending.set(name, (set.pending.get(name) ?? 0) + value);
};

/** Counts `n` deliveries of reminders through `channel` (email, sms) that ended `outcome`; `retried` counts the extra attempts. */
export const countDelivery = (service: string, channel: string, outcome: 'sent' | 'failed' | 'retried', n = 1): void => count(service, 'ReminderDeliveries', { channel, outcome }, n);

/** Counts `n` records a consumer (its qualified function name) handled with `outcome`. */
export const countConsumerOutcome = (service: string, consumer: string, outcome: ConsumerOutcome, n = 1): void =>
  count(service, consumerMetricNames[outcome], { consumer }, n);

/**
 * Counts one record a consumer could not apply for a passing reason (DynamoDB or the broker
 * unavailable): the batch is retried from it, and in AWS it is parked after the bounded retries.
 */
export const countConsumerFailure = (service: string, consumer: string): void => count(service, 'ConsumerFailures', { consumer }, 1);

/** Counts `n` outbox records the relay published to `topic`. */
export const countRelayed = (service: string, topic: string, n: number): void => count(service, 'RecordsRelayed', { topic }, n);

/** Counts one failed attempt of the relay to publish to `topic`; the stream batch is retried from the first unpublished record. */
export const countRelayFailure = (service: string, topic: string): void => count(service, 'RelayFailures', { topic }, 1);

/** The class of an HTTP status: `2xx`, `3xx`, `4xx` or `5xx`. */
export const statusClass = (status: number): string => `${Math.min(5, Math.max(1, Math.floor(status / 100)))}xx`;

/** Counts one HTTP response of a service, by status class (metric `HttpResponses`, dimension `statusClass`). */
export const countHttpResponse = (service: string, status: number): void =>
  count(service, 'HttpResponses', { statusClass: statusClass(status) }, 1);

/**
 * Writes every pending count as EMF (nothing when metrics are disabled) and clears them. Call it
 * once at the end of each invocation, also when the handler throws.
 */
export const publishMetrics = (): void => {
  for (const set of sets.values()) {
    if (set.pending.size === 0) continue;
    set.emitter ??= new Metrics({ namespace: metricsNamespace, serviceName: set.service, defaultDimensions: { ...set.dimensions } });
    for (const [name, value] of set.pending) set.emitter.addMetric(name, MetricUnit.Count, value);
    set.pending.clear();
    set.emitter.publishStoredMetrics();
  }
};

/** Every count since the process started (or since {@link resetMetricTally}), by {@link tallyKey}. */
export const metricTally = (): Record<string, number> => Object.fromEntries([...tally].sort(([a], [b]) => a.localeCompare(b)));

/**
 * Forgets the tally, the pending counts and the emitters (which read the environment again when
 * next needed); for tests.
 */
export const resetMetricTally = (): void => {
  tally.clear();
  sets.clear();
};
