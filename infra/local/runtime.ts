/**
 * The local runtime: given a Kafka broker and a DynamoDB endpoint, it creates the topics and tables
 * of the manifests, loads every function, and wires the triggers: the gateway for `http`, consumer
 * groups for `kafka`, stream pollers for `stream` and the scheduler for `schedule`.
 */
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { services as allServices } from '#services/index.js';
import { bucketsUsedBy, encryptionKeyEnvName, signingKeyEnvName, tableEnvName, triggersOf, type ServiceManifest } from '#shared/manifest.js';
import { localUploadsUrlEnv } from '#shared/storage/localUploads.js';
import { ensureTopics } from './kafka.js';
import { ensureTables, localDynamoClient } from './dynamodb.js';
import { loadFunctions, type InvocationListener, type LocalFunction } from './functions.js';
import { developmentSignIn } from './signIn.js';
import { webDist } from './webApp.js';
import { startGateway } from './gateway.js';
import { loadOrCreateKeys } from './jwt.js';
import { startKafkaSources } from './kafkaSources.js';
import { replayer, type Replay } from './replay.js';
import { startStreamPollers } from './streams.js';
import { startScheduler } from './scheduler.js';
import { bucketEnvironment, localBuckets } from './uploads.js';
import { openApiDocument } from './docs.js';
import { disconnectAllProducers } from '#shared/kafka/producer.js';
import { metricTally } from '#shared/metrics.js';
import { mailboxDir, readMailbox } from './mailbox.js';

export interface RuntimeOptions {
  readonly kafkaBrokers: string;
  readonly dynamoEndpoint: string;
  readonly dataDir: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly services?: readonly ServiceManifest[];
  readonly onInvoke?: InvocationListener;
  readonly log?: (line: string) => void;
}

export interface Runtime {
  readonly url: string;
  readonly port: number;
  readonly functions: ReadonlyMap<string, LocalFunction>;
  readonly keys: Awaited<ReturnType<typeof loadOrCreateKeys>>;
  health(): Promise<{ status: number; body: Health }>;
  fire(functionName: string, at: Date): Promise<unknown>;
  /** Rebuilds a pure read model from the topics (`replay.ts`), for `npm run replay`. */
  readonly replay: Replay;
  stop(): Promise<void>;
}

export interface Health {
  readonly status: 'up' | 'degraded';
  readonly kafka: 'up' | 'down';
  readonly dynamodb: 'up' | 'down';
  readonly services: Record<string, 'up' | 'down'>;
}

/**
 * Sets the environment the functions read, as the CDK app sets it per function in AWS. The local
 * runtime hosts every function in one process, so every variable is set once for all.
 */
const configureEnvironment = (options: RuntimeOptions, services: readonly ServiceManifest[]) => {
  process.env.KAFKA_BROKERS = options.kafkaBrokers;
  process.env.DYNAMODB_ENDPOINT = options.dynamoEndpoint;
  process.env.AWS_REGION ??= 'local';
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  // No CloudWatch here: metrics are counted in the process and shown at GET /_local/metrics.
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
  for (const service of services) {
    for (const [key, table] of Object.entries(service.tables)) process.env[tableEnvName(service.name, key)] = table.name;
    // The key file is kept beside the data, not in any table; it is made at first use.
    for (const key of Object.keys(service.signingKeys ?? {})) {
      process.env[signingKeyEnvName(service.name, key)] = `file:${path.join(options.dataDir, 'keys', `${service.name}-${key}.json`)}`;
    }
    for (const key of Object.keys(service.encryptionKeys ?? {})) {
      process.env[encryptionKeyEnvName(service.name, key)] = `file:${path.join(options.dataDir, 'keys', `${service.name}-${key}.aes`)}`;
    }
    // As the CDK app does, refuse a function that uses a bucket its manifest does not declare.
    for (const functionName of Object.keys(service.functions)) bucketsUsedBy(service, functionName);
  }
  // Email and SMS are captured in a folder beside the data, shown at /_local/mailbox.html (`mailbox.ts`).
  process.env.LOCAL_MAILBOX_DIR ??= mailboxDir(options.dataDir);
  // A bucket is a folder beside the data; its uploads go through the gateway (`uploads.ts`).
  Object.assign(process.env, bucketEnvironment(options.dataDir, services));
};

export const startRuntime = async (options: RuntimeOptions): Promise<Runtime> => {
  const services = options.services ?? allServices;
  const log = options.log ?? ((line: string) => console.error(line));
  configureEnvironment(options, services);

  await ensureTopics(options.kafkaBrokers);
  await ensureTables(options.dynamoEndpoint, services);
  const functions = await loadFunctions(services, options.onInvoke);
  // First of the triggers: a schedule the runtime cannot honour fails the start before anything runs.
  const scheduler = startScheduler({ services, functions, log });
  const keys = await loadOrCreateKeys(options.dataDir);

  const sources = await startKafkaSources({ brokers: options.kafkaBrokers, services, functions, log });
  const pollers = await startStreamPollers({ endpoint: options.dynamoEndpoint, dataDir: options.dataDir, services, functions, log });
  const replays = replayer({ brokers: options.kafkaBrokers, endpoint: options.dynamoEndpoint, services, functions, sources, log });

  const kafkaAdmin = new Kafka({ clientId: 'local-health', brokers: options.kafkaBrokers.split(','), logLevel: logLevel.NOTHING, retry: { retries: 0 } }).admin();
  const dynamoClient = localDynamoClient(options.dynamoEndpoint);
  const probe = async (check: () => Promise<unknown>): Promise<'up' | 'down'> => {
    try {
      await Promise.race([check(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2_000))]);
      return 'up';
    } catch {
      return 'down';
    }
  };
  const health = async (): Promise<{ status: number; body: Health }> => {
    const [kafka, dynamodb] = await Promise.all([
      probe(async () => {
        await kafkaAdmin.connect();
        await kafkaAdmin.describeCluster();
      }),
      probe(() => dynamoClient.send(new ListTablesCommand({ Limit: 1 }))),
    ]);
    const serviceStatus = Object.fromEntries(
      services.map((service) => {
        const consumersUp = triggersOf(service, 'kafka').every(({ functionName }) =>
          sources.find((s) => s.functionName === `${service.name}-${functionName}`)?.joined(),
        );
        const pollersUp = triggersOf(service, 'stream').every(({ functionName }) =>
          pollers.find((p) => p.functionName === `${service.name}-${functionName}`)?.running(),
        );
        return [service.name, kafka === 'up' && dynamodb === 'up' && consumersUp && pollersUp ? 'up' : 'down'] as const;
      }),
    );
    const allUp = kafka === 'up' && dynamodb === 'up' && Object.values(serviceStatus).every((s) => s === 'up');
    return { status: allUp ? 200 : 503, body: { status: allUp ? 'up' : 'degraded', kafka, dynamodb, services: serviceStatus } };
  };

  const openApi = openApiDocument(services);
  const buckets = localBuckets(options.dataDir, services);
  let selfUrl = '';
  const gateway = await startGateway({
    services,
    functions,
    keys,
    port: options.port,
    health,
    openApi: () => openApi,
    schedule: scheduler.fire,
    replay: replays.replay,
    metrics: metricTally,
    buckets,
    mailbox: () => readMailbox(process.env.LOCAL_MAILBOX_DIR!),
    signIn: developmentSignIn(keys, () => selfUrl),
    webRoot: webDist,
    log,
  });
  selfUrl = gateway.url;
  // Upload URLs point at the gateway, whose port is known only now; functions read it when they make one.
  process.env[localUploadsUrlEnv] = gateway.url;

  return {
    url: gateway.url,
    port: gateway.port,
    functions,
    keys,
    health,
    fire: scheduler.fire,
    replay: replays.replay,
    stop: async () => {
      scheduler.stop();
      replays.close();
      await gateway.close();
      await Promise.all([...sources.map((s) => s.stop()), ...pollers.map((p) => p.stop())]);
      await kafkaAdmin.disconnect().catch(() => undefined);
      await disconnectAllProducers();
    },
  };
};
