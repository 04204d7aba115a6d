/**
 * A real Apache Kafka broker for the local runtime: the 3.9 line (kafkajs speaks its protocol
 * versions; Kafka 4 dropped some of them), jars from Maven Central resolved by Maven, run in KRaft
 * mode (one node, broker and controller combined) with the machine's JDK. See docs/adr/0002.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync, openSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { repoRoot } from './paths.js';
import { waitForPort } from './ports.js';
import type { Step } from './progress.js';
import { allTopics, topicPartitions } from '#events/topics.js';

const kafkaDir = path.join(repoRoot, 'infra/local/kafka');
const log4jOption = `-Dlog4j.configuration=file:${path.join(kafkaDir, 'log4j.properties')}`;
const expectedJars = (): string[] => readFileSync(path.join(kafkaDir, 'jars.txt'), 'utf8').split('\n').filter(Boolean);

/** Where the jars go; shared by every data folder, since they never change. */
export const kafkaLibDir = (): string => path.resolve(repoRoot, process.env.KAFKA_LIBS ?? '.data/kafka-libs');

const missingJars = (libDir: string): string[] => {
  const present = existsSync(libDir) ? new Set(readdirSync(libDir)) : new Set<string>();
  return expectedJars().filter((jar) => !present.has(jar));
};

/**
 * Makes sure the broker's jars are in `kafkaLibDir()`, downloading them with Maven when any is
 * missing, and reports how many of them are there while it works.
 */
export const ensureKafkaJars = async (step?: Step): Promise<string> => {
  const libDir = kafkaLibDir();
  const total = expectedJars().length;
  if (missingJars(libDir).length === 0) {
    step?.done(`${total}/${total} jars`);
    return libDir;
  }
  const mvn = process.env.MVN ?? 'mvn';
  if (spawnSync(mvn, ['-v'], { stdio: 'ignore' }).status !== 0) {
    throw new Error(
      '下载 Kafka 需要 Maven (mvn)。请安装 Maven，或用 KAFKA_BROKERS 指向已有的 Kafka。 / Maven is needed to download Kafka; install it, or set KAFKA_BROKERS.',
    );
  }
  mkdirSync(libDir, { recursive: true });
  const child = spawn(
    mvn,
    ['-B', '-f', path.join(kafkaDir, 'pom.xml'), 'dependency:copy-dependencies', '-DincludeScope=runtime', `-DoutputDirectory=${libDir}`],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // Maven says each jar it downloads and then each one it copies; both are counted for the progress line.
  let output = '';
  let downloaded = 0;
  let copied = 0;
  const onOutput = (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-20_000);
    downloaded += text.match(/Downloaded from [^\n]*\.jar/g)?.length ?? 0;
    copied += text.match(/Copying [^\n]*\.jar/g)?.length ?? 0;
    step?.update(copied > 0 ? `copying ${copied}/${total} jars` : `downloaded ${downloaded} of up to ${total} jars`);
  };
  child.stdout?.on('data', onOutput);
  child.stderr?.on('data', onOutput);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const missing = missingJars(libDir);
  if (code !== 0 || missing.length > 0) {
    throw new Error(`Maven could not fetch the Kafka jars (exit ${code}; missing ${missing.join(', ')}):\n${output.slice(-2000)}`);
  }
  step?.done(`${total}/${total} jars`);
  return libDir;
};

export interface KafkaOptions {
  readonly dataDir: string;
  readonly port: number;
  readonly controllerPort: number;
  readonly heapMb?: number;
}

export interface KafkaBroker {
  readonly brokers: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

const serverProperties = (o: KafkaOptions, logDir: string) => `
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:${o.controllerPort}
listeners=PLAINTEXT://127.0.0.1:${o.port},CONTROLLER://127.0.0.1:${o.controllerPort}
advertised.listeners=PLAINTEXT://127.0.0.1:${o.port}
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=${logDir}
num.partitions=${topicPartitions}
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
log.retention.hours=168
`;

/**
 * Formats the broker's storage in `options.dataDir` for the cluster `clusterId`, writing its
 * properties file; gives that file. The cluster id is random base64url, so one in 64 begins with
 * `-`: it is passed as `--cluster-id=<id>`, since as an argument of its own the tool's parser would
 * read it as an option and fail.
 */
export const formatKafkaStorage = async (options: KafkaOptions, clusterId: string): Promise<string> => {
  const libDir = await ensureKafkaJars();
  const logDir = path.join(options.dataDir, 'log');
  mkdirSync(logDir, { recursive: true });
  const propsFile = path.join(options.dataDir, 'server.properties');
  writeFileSync(propsFile, serverProperties(options, logDir));
  if (!existsSync(path.join(logDir, 'meta.properties'))) {
    const format = spawnSync(java(), ['-cp', `${libDir}/*`, log4jOption, 'kafka.tools.StorageTool', 'format', `--cluster-id=${clusterId}`, '--config', propsFile], { encoding: 'utf8' });
    if (format.status !== 0) throw new Error(`Formatting Kafka storage failed: ${format.stderr || format.stdout}`);
  }
  return propsFile;
};

const java = () => (process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin/java') : 'java');

/**
 * Starts the broker on the given ports, keeping its log in `dataDir`, so that a restart keeps the
 * topics and offsets. Formats the storage on first start.
 */
export const startKafka = async (options: KafkaOptions, step?: Step): Promise<KafkaBroker> => {
  const libDir = await ensureKafkaJars();
  const classpath = `${libDir}/*`;
  step?.update('formatting storage');
  const propsFile = await formatKafkaStorage(options, randomBytes(16).toString('base64url'));

  step?.update('starting the JVM');
  const out = openSync(path.join(options.dataDir, 'broker.log'), 'a');
  const child = spawn(
    java(),
    [`-Xmx${options.heapMb ?? 512}m`, '-Xss1m', '-XX:+UseG1GC', '-Djava.awt.headless=true', '-cp', classpath, log4jOption, 'kafka.Kafka', propsFile],
    { stdio: ['ignore', out, out] },
  );
  const brokers = `127.0.0.1:${options.port}`;
  await waitForPort(options.port, 60_000, () => child.exitCode === null && child.signalCode === null);
  step?.update('waiting for the controller');
  await waitForKafka(brokers, 60_000);
  return {
    brokers,
    process: child,
    stop: () => stopProcess(child),
  };
};

/** Ends a child process: SIGTERM, then SIGKILL if it has not gone after `graceMs`. */
export const stopProcess = async (child: ChildProcess, graceMs = 10_000): Promise<void> => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
};

/** Waits until the broker answers metadata requests. */
export const waitForKafka = async (brokers: string, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    const admin = new Kafka({ clientId: 'local-runtime-probe', brokers: brokers.split(','), logLevel: logLevel.NOTHING, retry: { retries: 0 } }).admin();
    try {
      await admin.connect();
      await admin.describeCluster();
      await admin.disconnect();
      return;
    } catch (error) {
      lastError = error;
      await admin.disconnect().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  throw new Error(`Kafka at ${brokers} did not answer within ${timeoutMs} ms: ${String(lastError)}`);
};

/** Creates every topic the system uses (and its dead-letter topic) if it is not there yet. */
export const ensureTopics = async (brokers: string): Promise<void> => {
  const admin = new Kafka({ clientId: 'local-runtime-admin', brokers: brokers.split(','), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = allTopics().filter((t) => !existing.has(t));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic, numPartitions: topicPartitions, replicationFactor: 1 })),
      });
    }
  } finally {
    await admin.disconnect();
  }
};
