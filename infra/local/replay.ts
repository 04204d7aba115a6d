/**
 * Rebuilding a service's read models from the topics, behind `POST /_local/replay` and
 * `npm run replay -- <service>`: the service's Kafka sources stop, its tables are emptied, its
 * consumer groups go back to the start of their topics, and the sources start again and apply every
 * event once more, as they did live. Only a pure read model can be rebuilt so: a table that only its
 * Kafka consumers write (no write route, no stream, no schedule), which the topics hold entirely.
 * Why each step is done as it is: docs/adr/0019-replaying-read-models.md.
 */
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { DeleteTableCommand, waitUntilTableExists, waitUntilTableNotExists, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { z } from 'zod';
import { qualifiedName, triggersOf, type ServiceManifest } from '#shared/manifest.js';
import { ConflictError, NotFoundError, ValidationError } from '#shared/errors.js';
import { Problem } from '#shared/http/problem.js';
import { ensureTables, localDynamoClient } from './dynamodb.js';
import { startKafkaSources, type KafkaSource } from './kafkaSources.js';
import type { LocalFunction } from './functions.js';
import { sleep } from './support/sleep.js';

/** How far one consumer group is: the records of its topic it has gone past, of those there were when the replay began. */
export const ReplayedTopic = z.object({
  topic: z.string(),
  group: z.string(),
  applied: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type ReplayedTopic = z.infer<typeof ReplayedTopic>;

/** A line of progress: the step under way and, while replaying, how far each group is. */
export const ReplayProgress = z.object({
  type: z.literal('progress'),
  stage: z.enum(['stopping', 'wiping', 'resetting', 'replaying']),
  topics: z.array(ReplayedTopic),
  seconds: z.number().nonnegative(),
});
export type ReplayProgress = z.infer<typeof ReplayProgress>;

/** The end of a replay: the records replayed of each topic, and how long it took. */
export const ReplaySummary = z.object({
  type: z.literal('done'),
  service: z.string(),
  topics: z.array(ReplayedTopic),
  seconds: z.number().nonnegative(),
});
export type ReplaySummary = z.infer<typeof ReplaySummary>;

/** A replay that failed once under way, as the gateway's stream ends with it. */
export const ReplayFailed = z.object({ type: z.literal('failed'), problem: Problem });
export type ReplayFailed = z.infer<typeof ReplayFailed>;

/** One line of `POST /_local/replay`'s answer (`application/x-ndjson`). */
export const ReplayLine = z.discriminatedUnion('type', [ReplayProgress, ReplaySummary, ReplayFailed]);
export type ReplayLine = z.infer<typeof ReplayLine>;

/** Runs a replay of `serviceName`, telling `onProgress` how far it is; see the module comment. */
export type Replay = (serviceName: string, onProgress?: (progress: ReplayProgress) => void) => Promise<ReplaySummary>;

/** How long a stopped consumer group may keep members: a vanished one is dropped after the sources' 10 s session timeout. */
const groupEmptyTimeoutMs = 30_000;
/** How often the groups' committed offsets are read while replaying. */
const pollIntervalMs = 500;
/** A progress line at least this often, also when nothing moved, so that a reader knows the replay is alive. */
const heartbeatMs = 5_000;
/** A replay whose groups commit nothing for this long has stopped (a batch failing again and again, say). */
const stallTimeoutMs = 120_000;

/**
 * Why the service's tables are not a pure read model, or `undefined` when they are: anything but its
 * Kafka consumers writing them would be lost by a rebuild from the topics.
 */
export const notReplayable = (service: ServiceManifest): string | undefined => {
  const writeRoutes = triggersOf(service, 'http').filter(({ trigger }) => trigger.method !== 'GET');
  if (writeRoutes.length > 0) {
    const named = writeRoutes.slice(0, 3).map(({ trigger }) => `${trigger.method} ${trigger.path}`);
    return `it has HTTP write routes (${named.join(', ')}${writeRoutes.length > 3 ? ` and ${writeRoutes.length - 3} more` : ''})`;
  }
  const streamed = Object.values(service.tables).filter((table) => table.stream);
  if (streamed.length > 0) return `its table ${streamed.map((t) => t.name).join(', ')} has a stream, whose readers would see the rebuild as new writes`;
  const others = [...triggersOf(service, 'stream'), ...triggersOf(service, 'schedule')];
  if (others.length > 0) return `functions other than its Kafka consumers write its tables (${others.map((o) => o.functionName).join(', ')})`;
  if (triggersOf(service, 'kafka').length === 0) return 'no Kafka consumer builds its tables';
  return undefined;
};

/** A consumer group to rewind, with where each partition of its topic starts and where it ended when the replay began. */
interface Target {
  readonly group: string;
  readonly topic: string;
  readonly partitions: ReadonlyArray<{ readonly partition: number; readonly low: number; readonly high: number }>;
}

const totalOf = (target: Target): number => target.partitions.reduce((sum, p) => sum + (p.high - p.low), 0);

/** Waits until none of `groups` has a member: offsets of a group with members cannot be set. */
const untilEmpty = async (admin: Admin, groups: readonly string[]): Promise<void> => {
  const deadline = Date.now() + groupEmptyTimeoutMs;
  for (;;) {
    const { groups: described } = await admin.describeGroups([...groups]);
    const busy = described.filter((g) => !['Empty', 'Dead'].includes(g.state) || g.members.length > 0);
    if (busy.length === 0) return;
    if (Date.now() > deadline) {
      const names = busy.map((g) => `${g.groupId} (${g.members.length} members, ${g.state})`).join(', ');
      throw new Error(`The consumer groups ${names} still have members after their sources stopped; is another runtime using this broker?`);
    }
    await sleep(200);
  }
};

/**
 * Empties a table by deleting it and creating it again with the runtime's own `ensureTables`,
 * rather than deleting every item: one DeleteTable empties it whatever its size, where a Scan and
 * BatchWriteItem of 25 keys at a time takes a request per 25 items (minutes on DynamoDB Local for the
 * tens of thousands of items a long test run leaves), has to retry the unprocessed ones, and could
 * miss an item written behind the scan. DynamoDB Local deletes and creates a table at once; the
 * waiters cover an endpoint that takes longer. The table is missing for that moment, so a read of the
 * service then fails; a development tool can afford that.
 */
const recreateTables = async (client: DynamoDBClient, endpoint: string, service: ServiceManifest): Promise<void> => {
  const names = Object.values(service.tables).map((table) => table.name);
  const waiter = { client, maxWaitTime: 60, minDelay: 1, maxDelay: 2 };
  for (const name of names) {
    await client.send(new DeleteTableCommand({ TableName: name })).catch((error: unknown) => {
      if ((error as Error).name !== 'ResourceNotFoundException') throw error;
    });
    await waitUntilTableNotExists(waiter, { TableName: name });
  }
  await ensureTables(endpoint, [service]);
  for (const name of names) await waitUntilTableExists(waiter, { TableName: name });
};

/**
 * Puts each group's committed offsets at the start of its topic, and says where the topic ends now:
 * the replay is over when the group has gone past that end. The offsets are read back, because
 * kafkajs sets them through a short-lived member of the group, which could leave without committing.
 */
const rewind = async (admin: Admin, group: string, topic: string): Promise<Target> => {
  const offsets = await admin.fetchTopicOffsets(topic);
  const partitions = offsets.map((p) => ({ partition: p.partition, low: Number(p.low), high: Number(p.high) })).sort((a, b) => a.partition - b.partition);
  await admin.setOffsets({ groupId: group, topic, partitions: partitions.map((p) => ({ partition: p.partition, offset: String(p.low) })) });
  const committed = await committedOffsets(admin, group, topic);
  const missed = partitions.filter((p) => committed.get(p.partition) !== p.low);
  if (missed.length > 0) throw new Error(`The offsets of ${group} on ${topic} did not go back to the start (partitions ${missed.map((p) => p.partition).join(', ')})`);
  return { group, topic, partitions };
};

/** The group's committed offset of each partition of `topic`; a partition with none is absent. */
const committedOffsets = async (admin: Admin, group: string, topic: string): Promise<Map<number, number>> => {
  const [answer] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
  return new Map((answer?.partitions ?? []).filter((p) => Number(p.offset) >= 0).map((p) => [p.partition, Number(p.offset)]));
};

/** How far a group is: the records it has committed past, of those there were when the replay began. */
const progressOf = async (admin: Admin, target: Target): Promise<ReplayedTopic> => {
  const committed = await committedOffsets(admin, target.group, target.topic);
  const applied = target.partitions.reduce((sum, p) => sum + Math.min(p.high - p.low, Math.max(0, (committed.get(p.partition) ?? p.low) - p.low)), 0);
  return { topic: target.topic, group: target.group, applied, total: totalOf(target) };
};

/** What a replayer needs of the runtime. */
export interface ReplayerOptions {
  readonly brokers: string;
  readonly endpoint: string;
  readonly services: readonly ServiceManifest[];
  readonly functions: ReadonlyMap<string, LocalFunction>;
  /** The runtime's Kafka sources: a replay puts the sources it starts again in place of those it stopped. */
  readonly sources: KafkaSource[];
  readonly log: (line: string) => void;
}

/** The runtime's replay operation, and `close` for its stop (a replay under way then ends without starting its sources again). */
export const replayer = (options: ReplayerOptions): { replay: Replay; close(): void } => {
  const kafka = new Kafka({
    clientId: 'local-replay',
    brokers: options.brokers.split(','),
    logLevel: logLevel.NOTHING,
    retry: { initialRetryTime: 200, maxRetryTime: 5_000, retries: 10 },
  });
  const dynamo = localDynamoClient(options.endpoint);
  const underway = new Set<string>();
  let closed = false;

  /** The manifest of `serviceName`, if its tables can be rebuilt; a refusal otherwise. */
  const replayable = (serviceName: string): ServiceManifest => {
    const service = options.services.find((s) => s.name === serviceName);
    if (!service) throw new NotFoundError(`No service ${serviceName}; the services are ${options.services.map((s) => s.name).join(', ')}`);
    const reason = notReplayable(service);
    if (reason) throw new ValidationError(`${serviceName}'s tables are not a pure read model of the topics, so a replay would lose data: ${reason}`);
    if (underway.has(serviceName)) throw new ConflictError(`A replay of ${serviceName} is already under way`);
    if (closed) throw new ConflictError('The runtime is stopping');
    return service;
  };

  /** Starts the service's sources again, in place of the stopped ones. */
  const restartSources = async (service: ServiceManifest): Promise<void> => {
    const started = await startKafkaSources({ brokers: options.brokers, services: [service], functions: options.functions, log: options.log });
    for (const source of started) {
      const at = options.sources.findIndex((s) => s.functionName === source.functionName);
      if (at >= 0) options.sources[at] = source;
      else options.sources.push(source);
    }
    // The runtime stopped meanwhile, after stopping the sources it knew of: these it never saw.
    if (closed) await Promise.all(started.map((source) => source.stop()));
  };

  /** Reports progress until every group has gone past the end its topic had when the replay began. */
  const follow = async (admin: Admin, targets: readonly Target[], report: (topics: ReplayedTopic[]) => void): Promise<ReplayedTopic[]> => {
    let last = '';
    let movedAt = Date.now();
    let reportedAt = 0;
    for (;;) {
      if (closed) throw new Error('The runtime stopped during the replay');
      const topics = await Promise.all(targets.map((target) => progressOf(admin, target)));
      if (topics.every((t) => t.applied >= t.total)) return topics;
      const now = Date.now();
      const state = JSON.stringify(topics);
      if (state !== last) {
        last = state;
        movedAt = now;
      } else if (now - movedAt > stallTimeoutMs) {
        const behind = topics.filter((t) => t.applied < t.total).map((t) => `${t.group} at ${t.applied}/${t.total} of ${t.topic}`);
        throw new Error(`The replay made no progress for ${stallTimeoutMs / 1000} s (${behind.join(', ')}); the runtime's log says why`);
      }
      if (movedAt === now || now - reportedAt >= heartbeatMs) {
        reportedAt = now;
        report(topics);
      }
      await sleep(pollIntervalMs);
    }
  };

  const replay: Replay = async (serviceName, onProgress = () => undefined) => {
    const service = replayable(serviceName);
    underway.add(serviceName);
    const started = Date.now();
    const seconds = () => (Date.now() - started) / 1000;
    const groups = triggersOf(service, 'kafka').map(({ functionName, trigger }) => ({ group: qualifiedName(service.name, functionName), topic: trigger.topic }));
    const report = (stage: ReplayProgress['stage'], topics: ReplayedTopic[] = []) => onProgress({ type: 'progress', stage, topics, seconds: seconds() });
    const admin = kafka.admin();
    try {
      report('stopping');
      await admin.connect();
      const targets: Target[] = [];
      const stopped = options.sources.filter((s) => groups.some((g) => g.group === s.functionName));
      let wiping = false;
      try {
        await Promise.all(stopped.map((s) => s.stop()));
        await untilEmpty(admin, groups.map((g) => g.group));
        report('wiping');
        wiping = true;
        await recreateTables(dynamo, options.endpoint, service);
        report('resetting');
        // Side by side: kafkajs's setOffsets waits for its short-lived member's first fetch (up to 5 s on a quiet topic).
        targets.push(...(await Promise.all(groups.map(({ group, topic }) => rewind(admin, group, topic)))));
      } catch (error) {
        if (!wiping) throw error;
        throw new Error(`${(error as Error).message}; ${serviceName}'s tables may hold only part of the events until a replay succeeds`, { cause: error });
      } finally {
        // Started again whatever happened, so that a failed replay leaves the service consuming.
        if (!closed) await restartSources(service);
      }
      const topics = await follow(admin, targets, (progress) => report('replaying', progress));
      const summary: ReplaySummary = { type: 'done', service: serviceName, topics, seconds: seconds() };
      options.log(`replay of ${serviceName}: ${topics.map((t) => `${t.total} records of ${t.topic}`).join(', ')} in ${summary.seconds.toFixed(1)} s`);
      return summary;
    } finally {
      underway.delete(serviceName);
      await admin.disconnect().catch(() => undefined);
    }
  };

  return {
    replay,
    close: () => {
      closed = true;
    },
  };
};
