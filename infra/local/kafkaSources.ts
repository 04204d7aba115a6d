/**
 * Kafka event source emulation: for each `kafka` trigger a kafkajs consumer group (named like the
 * function, as the event source mapping's group is) hands batches to the function in the MSK event
 * shape. As Lambda's poller does, one invocation can carry records of several partitions (those
 * fetched together, up to the batch size), each partition's records in offset order. A batch the
 * function throws on is retried, with backoff, until it succeeds, and offsets are committed only
 * after success: at least once, in order per partition, as Lambda does for Kafka. (In AWS the
 * retries are bounded and a batch that keeps failing is parked on the on-failure destination; see
 * docs/adr/0007-aws-event-shapes-and-poison-records.md.)
 * https://docs.aws.amazon.com/lambda/latest/dg/with-msk-process.html
 */
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { qualifiedName, triggersOf, type ServiceManifest } from '#shared/manifest.js';
import { topicPartitions } from '#events/topics.js';
import { toMskEvent, type ConsumedMessage } from './events.js';
import type { LocalFunction } from './functions.js';

export interface KafkaSource {
  readonly functionName: string;
  readonly topic: string;
  /** True once the consumer has joined its group. */
  joined(): boolean;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** How often a member of a consumer group tells the coordinator it is alive, also while a batch is handled. */
const heartbeatIntervalMs = 1_000;

/**
 * Gathers the chunks that partitions hand in at about the same time (kafkajs handles the batches of
 * one fetch side by side) into invocations of at most `batchSize` records, and settles each chunk
 * with the outcome of the invocation that carried it.
 */
export const coalescer = (invoke: (messages: ConsumedMessage[]) => Promise<unknown>, batchSize: number) => {
  let waiting: Array<{ messages: ConsumedMessage[]; resolve: () => void; reject: (error: unknown) => void }> = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const queue = waiting;
    waiting = [];
    while (queue.length > 0) {
      const group = [queue.shift()!];
      let total = group[0]!.messages.length;
      while (queue.length > 0 && total + queue[0]!.messages.length <= batchSize) {
        total += queue[0]!.messages.length;
        group.push(queue.shift()!);
      }
      invoke(group.flatMap((chunk) => chunk.messages)).then(
        () => group.forEach((chunk) => chunk.resolve()),
        (error: unknown) => group.forEach((chunk) => chunk.reject(error)),
      );
    }
  };
  return (messages: ConsumedMessage[]): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      waiting.push({ messages, resolve, reject });
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    });
};

/** Starts one consumer group per `kafka` trigger of the manifests. */
export const startKafkaSources = async (options: {
  brokers: string;
  services: readonly ServiceManifest[];
  functions: ReadonlyMap<string, LocalFunction>;
  log: (line: string) => void;
}): Promise<KafkaSource[]> => {
  const kafka = new Kafka({
    clientId: 'local-event-source-mapping',
    brokers: options.brokers.split(','),
    logLevel: logLevel.NOTHING,
    retry: { initialRetryTime: 200, maxRetryTime: 5_000, retries: 10 },
  });

  const sources = options.services.flatMap((service) =>
    triggersOf(service, 'kafka').map(({ functionName, trigger }) => {
      const name = qualifiedName(service.name, functionName);
      const fn = options.functions.get(name);
      if (!fn) throw new Error(`No function ${name}`);
      let consumer: Consumer | undefined;
      let joined = false;
      let stopping = false;
      const submit = coalescer((messages) => fn.invoke(toMskEvent(messages, options.brokers)), trigger.batchSize);

      const run = async (): Promise<void> => {
        // kafkajs's own restart after a crash can outlive disconnect(); this runtime restarts instead.
        const c = kafka.consumer({
          groupId: name,
          // Short, so that a member that vanished (a killed runtime) is replaced within seconds.
          sessionTimeout: 10_000,
          heartbeatInterval: heartbeatIntervalMs,
          maxWaitTimeInMs: 100,
          retry: { initialRetryTime: 200, maxRetryTime: 5_000, retries: 10, restartOnFailure: async () => false },
        });
        consumer = c;
        c.on(c.events.GROUP_JOIN, () => (joined = true));
        c.on(c.events.CRASH, (e) => {
          joined = false;
          if (!stopping) {
            // A retriable error (the broker or coordinator not ready yet) is routine; say only the others.
            if (!(e.payload.error as { retriable?: boolean }).retriable) options.log(`${name}: consumer crashed (${e.payload.error.message}); restarting`);
            void c.disconnect().catch(() => undefined).then(() => sleep(1_000)).then(() => (stopping ? undefined : start()));
          }
        });
        await c.connect();
        await c.subscribe({ topic: trigger.topic, fromBeginning: trigger.startingPosition === 'TRIM_HORIZON' });
        await c.run({
          autoCommit: true,
          // The partitions of one fetch are handled side by side, so that they can share an invocation.
          partitionsConsumedConcurrently: topicPartitions,
          eachBatchAutoResolve: false,
          eachBatch: async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }) => {
            for (let i = 0; i < batch.messages.length; i += trigger.batchSize) {
              const chunk = batch.messages.slice(i, i + trigger.batchSize);
              // kafkajs's record-batch context (the timestamp type) travels with each message.
              const messages = chunk.map((m): ConsumedMessage => ({ ...m, topic: batch.topic, partition: batch.partition }));
              for (let attempt = 0; ; attempt++) {
                if (!isRunning() || isStale() || stopping) return;
                // A large batch can take longer than the session timeout: the member keeps beating meanwhile.
                const beating = setInterval(() => void heartbeat().catch(() => undefined), heartbeatIntervalMs);
                try {
                  await submit(messages);
                  break;
                } catch (error) {
                  options.log(`${name}: batch failed, retrying (${(error as Error).message})`);
                  await sleep(Math.min(5_000, 100 * 2 ** attempt));
                  await heartbeat().catch(() => undefined);
                } finally {
                  clearInterval(beating);
                }
              }
              resolveOffset(chunk[chunk.length - 1]!.offset);
              await commitOffsetsIfNecessary();
              await heartbeat();
            }
          },
        });
      };

      const start = async (): Promise<void> => {
        for (let attempt = 0; !stopping; attempt++) {
          try {
            await run();
            return;
          } catch (error) {
            options.log(`${name}: cannot start consumer (${(error as Error).message}); retrying`);
            await sleep(Math.min(5_000, 200 * 2 ** attempt));
          }
        }
      };

      return {
        functionName: name,
        topic: trigger.topic,
        start,
        joined: () => joined,
        stop: async () => {
          stopping = true;
          await consumer?.disconnect().catch(() => undefined);
        },
      };
    }),
  );
  await Promise.all(sources.map((s) => s.start()));
  return sources;
};
