/**
 * The real parts under the runtime: a Kafka broker and DynamoDB Local, started by the project
 * itself, or existing ones named by `KAFKA_BROKERS` and `DYNAMODB_ENDPOINT`.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureKafkaJars, startKafka, waitForKafka, type KafkaBroker } from './kafka.js';
import { startDynamo, waitForDynamo, type DynamoLocal } from './dynamodb.js';
import type { Progress } from './progress.js';

export interface PartsOptions {
  readonly dataDir: string;
  readonly kafkaPort: number;
  readonly controllerPort: number;
  readonly dynamoPort: number;
  readonly progress?: Progress;
  /** Existing parts to use instead of starting them. */
  readonly kafkaBrokers?: string | undefined;
  readonly dynamoEndpoint?: string | undefined;
}

export interface Parts {
  readonly brokers: string;
  readonly endpoint: string;
  readonly kafka: KafkaBroker | undefined;
  readonly dynamo: DynamoLocal | undefined;
  stop(): Promise<void>;
}

/** The number of steps `startParts` reports. */
export const partsSteps = 4;

const requireJava = () => {
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin/java') : 'java';
  const probe = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    throw new Error('需要 JDK 17 或更高版本 (java) / A JDK 17+ is needed to run Kafka and DynamoDB Local; or set KAFKA_BROKERS and DYNAMODB_ENDPOINT.');
  }
  return (probe.stderr || probe.stdout).split('\n')[0] ?? '';
};

export const startParts = async (options: PartsOptions): Promise<Parts> => {
  const { progress } = options;
  let kafka: KafkaBroker | undefined;
  let dynamo: DynamoLocal | undefined;
  const stop = async () => {
    await Promise.all([kafka?.stop(), dynamo?.stop()]);
  };
  try {
    const javaStep = progress?.step('检查 JDK / checking the JDK');
    if (options.kafkaBrokers && options.dynamoEndpoint) javaStep?.done('not needed: existing Kafka and DynamoDB');
    else javaStep?.done(requireJava());

    const jarsStep = progress?.step('下载 Kafka / fetching the Kafka 3.9 jars from Maven Central');
    if (options.kafkaBrokers) jarsStep?.done('not needed: KAFKA_BROKERS is set');
    else await ensureKafkaJars(jarsStep);

    const kafkaStep = progress?.step('启动 Kafka / starting Kafka (KRaft)');
    const dynamoStep = progress?.step('启动 DynamoDB Local / starting DynamoDB Local');
    const [brokers, endpoint] = await Promise.all([
      (async () => {
        if (options.kafkaBrokers) {
          await waitForKafka(options.kafkaBrokers, 30_000);
          kafkaStep?.done(`using ${options.kafkaBrokers}`);
          return options.kafkaBrokers;
        }
        kafka = await startKafka(
          { dataDir: path.join(options.dataDir, 'kafka'), port: options.kafkaPort, controllerPort: options.controllerPort },
          kafkaStep,
        );
        kafkaStep?.done(kafka.brokers);
        return kafka.brokers;
      })(),
      (async () => {
        if (options.dynamoEndpoint) {
          await waitForDynamo(options.dynamoEndpoint, 30_000);
          dynamoStep?.done(`using ${options.dynamoEndpoint}`);
          return options.dynamoEndpoint;
        }
        dynamo = await startDynamo({ dataDir: path.join(options.dataDir, 'dynamodb'), port: options.dynamoPort });
        await waitForDynamo(dynamo.endpoint, 30_000);
        dynamoStep?.done(dynamo.endpoint);
        return dynamo.endpoint;
      })(),
    ]);
    return { brokers, endpoint, kafka, dynamo, stop };
  } catch (error) {
    await stop();
    throw error;
  }
};
