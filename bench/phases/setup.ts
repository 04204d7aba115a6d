/**
 * Phase 1: Kafka and DynamoDB Local (started on free ports with their data in the run's folder, or
 * the existing ones named by `KAFKA_BROKERS` / `DYNAMODB_ENDPOINT`), then the runtime on a free
 * port, healthy; and the clients every later phase uses.
 */
import { Kafka, logLevel } from 'kafkajs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { startParts, type Parts } from '#infra/local/parts.js';
import { startRuntime, type Runtime } from '#infra/local/runtime.js';
import { localDynamoClient } from '#infra/local/dynamodb.js';
import { freePort } from '#infra/local/ports.js';
import type { Progress } from '#infra/local/progress.js';
import { httpClient } from '#infra/local/support/httpClient.js';
import { eventually } from '#infra/local/support/eventually.js';
import { qualifiedName } from '#shared/manifest.js';
import type { Bench } from '../context.js';
import type { Settings } from '../settings.js';
import { cpuMeter } from '../usage.js';
import { pipeline } from '../pipeline.js';

/** What the setup needs from the driver. */
export interface SetupOptions {
  readonly settings: Settings;
  readonly progress: Progress;
  readonly dataDir: string;
  readonly defer: (close: () => Promise<unknown>) => void;
  readonly log: (line: string) => void;
  readonly note: (text: string) => void;
}

/** The consumer group whose lag says that the dashboard has applied `reports.events`. */
export const dashboardGroup = qualifiedName('dashboard', 'onReportsEvents');

/** Starts the parts and the runtime; gives the context of the later phases and the runtime's log line count. */
export const setup = async (options: SetupOptions): Promise<{ bench: Bench; runtimeLogLines: () => number }> => {
  const { progress, defer, log } = options;
  const [kafkaPort, controllerPort, dynamoPort] = [await freePort(), await freePort(), await freePort()];
  const partsStarting = startParts({
    dataDir: options.dataDir,
    kafkaPort,
    controllerPort,
    dynamoPort,
    progress,
    kafkaBrokers: process.env.KAFKA_BROKERS,
    dynamoEndpoint: process.env.DYNAMODB_ENDPOINT,
  });
  // Registered before waiting, so that a Ctrl-C during the start still stops what is being started.
  defer(async () => (await partsStarting.catch(() => undefined))?.stop());
  const parts: Parts = await partsStarting;

  const step = progress.step('runtime: topics, tables, functions, gateway');
  const cpu = cpuMeter(() => ({ dynamo: parts.dynamo?.process.pid, kafka: parts.kafka?.process.pid }));
  let logLines = 0;
  const runtimeStarting = startRuntime({
    kafkaBrokers: parts.brokers,
    dynamoEndpoint: parts.endpoint,
    dataDir: options.dataDir,
    port: 0,
    onInvoke: cpu.onInvoke,
    log: (line) => {
      logLines++;
      log(`[runtime] ${line}`);
    },
  });
  let stopping: Promise<void> | undefined;
  const stopRuntime = () => (stopping ??= runtimeStarting.then((r) => r.stop()).catch((e: unknown) => log(`runtime.stop failed: ${String(e)}`)));
  defer(stopRuntime);
  const runtime: Runtime = await runtimeStarting;
  await eventually(async () => ((await runtime.health()).status === 200 ? true : undefined), 30_000, 'the runtime to be healthy', 100);
  step.done(runtime.url);

  const api = httpClient(`http://127.0.0.1:${runtime.port}`);
  defer(async () => api.close());
  const kafka = new Kafka({ clientId: 'bench', brokers: parts.brokers.split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  defer(() => admin.disconnect());
  const doc = DynamoDBDocumentClient.from(localDynamoClient(parts.endpoint), { marshallOptions: { removeUndefinedValues: true } });
  defer(async () => doc.destroy());

  const bench: Bench = {
    settings: options.settings,
    progress,
    dataDir: options.dataDir,
    parts,
    runtime,
    stopRuntime,
    api,
    kafka,
    admin,
    doc,
    cpu,
    pipeline: await pipeline(admin, dashboardGroup, (text) => {
      options.note(text);
      log(text);
    }),
    note: options.note,
    defer,
    log,
  };
  return { bench, runtimeLogLines: () => logLines };
};
