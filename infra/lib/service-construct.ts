/** Everything one service manifest declares: tables, functions and their triggers. */
import { RemovalPolicy, Stack, TimeZone, Tags } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, KafkaDlq, ManagedKafkaEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import { dlqTopic, topicPartitions } from '#events/topics.js';
import {
  bucketEnvName,
  bucketsUsedBy,
  qualifiedName,
  signingKeyEnvName,
  encryptionKeyEnvName,
  tableEnvName,
  type KafkaTrigger,
  type ScheduleTrigger,
  type ServiceManifest,
  type StreamTrigger,
  type Trigger,
} from '#shared/manifest.js';
import type { PlatformApi } from './platform-api.js';
import type { ServerlessKafka } from './serverless-kafka.js';
import { ServiceFunction } from './service-function.js';
import { ServiceTable } from './service-table.js';
import { ServiceBucket } from './service-bucket.js';
import { SERVICE_TAG } from './tags.js';
import { signatureSuiteFromContext } from './config.js';

/** The shared platform pieces a service plugs into. */
export interface ServiceConstructProps {
  readonly manifest: ServiceManifest;
  readonly vpc: ec2.IVpc;
  readonly subnets: ec2.SubnetSelection;
  readonly functionSecurityGroup: ec2.ISecurityGroup;
  readonly kafka: ServerlessKafka;
  readonly api: PlatformApi;
  /** The address people open the app at, for the links in reminders (the web app's distribution). */
  readonly publicBaseUrl?: string;
}

/** Maps the manifest's starting positions to Lambda's. */
const startingPositions: Record<KafkaTrigger['startingPosition'], lambda.StartingPosition> = {
  TRIM_HORIZON: lambda.StartingPosition.TRIM_HORIZON,
  LATEST: lambda.StartingPosition.LATEST,
};

/**
 * One service, built from its manifest alone: a {@link ServiceTable} per table, a
 * {@link ServiceBucket} per bucket, a {@link ServiceFunction} per function (with every table's
 * name in its environment, read/write access to them, the buckets it uses and Kafka access) and
 * one event source, route or schedule per trigger.
 */
export class ServiceConstruct extends Construct {
  /** The service's tables by manifest key. */
  readonly tables: ReadonlyMap<string, ServiceTable>;
  /** The service's buckets by manifest key. */
  readonly buckets: ReadonlyMap<string, ServiceBucket>;
  /** The service's functions by manifest function name. */
  readonly functions: ReadonlyMap<string, ServiceFunction>;
  private readonly manifest: ServiceManifest;

  constructor(scope: Construct, id: string, props: ServiceConstructProps) {
    super(scope, id);
    const { manifest, kafka } = props;
    this.manifest = manifest;
    Tags.of(this).add(SERVICE_TAG, manifest.name);

    const tables = new Map<string, ServiceTable>();
    for (const [tableKey, spec] of Object.entries(manifest.tables)) {
      tables.set(tableKey, new ServiceTable(this, `${tableKey}-table`, { service: manifest.name, tableKey, spec }));
    }
    this.tables = tables;

    const buckets = new Map<string, ServiceBucket>();
    for (const [bucketKey, spec] of Object.entries(manifest.buckets ?? {})) {
      buckets.set(bucketKey, new ServiceBucket(this, `${bucketKey}-bucket`, { service: manifest.name, bucketKey, spec }));
    }
    this.buckets = buckets;

    const environment: Record<string, string> = {
      KAFKA_BROKERS: kafka.bootstrapBrokers,
      KAFKA_AUTH: 'iam',
      POWERTOOLS_SERVICE_NAME: manifest.name,
      NODE_OPTIONS: '--enable-source-maps',
    };
    for (const [tableKey, table] of tables) environment[tableEnvName(manifest.name, tableKey)] = table.tableName;

    // A signing key lives in KMS, never in a table: SIGN_VERIFY, on P-256 or (China regions) SM2.
    const suite = signatureSuiteFromContext(this);
    const keys = Object.entries(manifest.signingKeys ?? {}).map(([keyName, spec]): [string, kms.Key] => {
      const key = new kms.Key(this, `${keyName}-signing-key`, {
        description: `${manifest.name}: ${spec.description}`,
        keySpec: suite === 'sm3-sm2' ? kms.KeySpec.SM2 : kms.KeySpec.ECC_NIST_P256,
        keyUsage: kms.KeyUsage.SIGN_VERIFY,
        // Signatures made years ago must still verify: the key outlives the stack.
        removalPolicy: RemovalPolicy.RETAIN,
      });
      environment[signingKeyEnvName(manifest.name, keyName)] = key.keyArn;
      return [keyName, key];
    });
    if (keys.length > 0) environment.SIGNATURE_SUITE = suite;

    // An encryption key (a complainant's contact details) is a symmetric KMS key, rotated yearly.
    const encryptionKeys = Object.entries(manifest.encryptionKeys ?? {}).map(([keyName, spec]): [string, kms.Key] => {
      const key = new kms.Key(this, `${keyName}-encryption-key`, {
        description: `${manifest.name}: ${spec.description}`,
        enableKeyRotation: true,
        // What it encrypted must stay readable: the key outlives the stack.
        removalPolicy: RemovalPolicy.RETAIN,
      });
      environment[encryptionKeyEnvName(manifest.name, keyName)] = key.keyArn;
      return [keyName, key];
    });

    const functions = new Map<string, ServiceFunction>();
    for (const [functionName, spec] of Object.entries(manifest.functions)) {
      const name = qualifiedName(manifest.name, functionName);
      // Only the functions that use a bucket learn its name and may read, put and delete its objects.
      const used = bucketsUsedBy(manifest, functionName).map((bucketKey) => [bucketKey, buckets.get(bucketKey)!] as const);
      const fn = new ServiceFunction(this, name, {
        service: manifest.name,
        qualifiedName: name,
        spec,
        vpc: props.vpc,
        subnets: props.subnets,
        securityGroup: props.functionSecurityGroup,
        environment: {
          ...environment,
          ...Object.fromEntries(used.map(([bucketKey, bucket]) => [bucketEnvName(manifest.name, bucketKey), bucket.bucketName])),
          ...(spec.sendsNotifications ? notificationEnvironment(this, props.publicBaseUrl) : {}),
        },
      });
      if (spec.sendsNotifications) grantNotifications(fn, smsProviderOf(this));
      for (const table of tables.values()) table.grantReadWriteData(fn);
      for (const [, bucket] of used) {
        bucket.grantRead(fn);
        bucket.grantPut(fn);
        bucket.grantDelete(fn);
      }
      // Every function may read the public keys (to verify); only those that sign may sign.
      for (const [keyName, key] of keys) key.grant(fn, ...(spec.signsWith?.includes(keyName) ? ['kms:Sign', 'kms:GetPublicKey'] : ['kms:GetPublicKey']));
      // Only the functions that name an encryption key may encrypt with it, and decrypt only if they say so.
      for (const [keyName, key] of encryptionKeys) {
        if (spec.encryptsWith?.includes(keyName)) key.grantEncrypt(fn);
        if (spec.decryptsWith?.includes(keyName)) key.grantDecrypt(fn);
      }
      kafka.grantClientAccess(fn);
      spec.triggers.forEach((trigger, index) => this.addTrigger(name, fn, trigger, index, props));
      functions.set(functionName, fn);
    }
    this.functions = functions;
  }

  private addTrigger(name: string, fn: ServiceFunction, trigger: Trigger, index: number, props: ServiceConstructProps): void {
    switch (trigger.type) {
      case 'http':
        props.api.addRoute(this, name, fn, trigger);
        return;
      case 'stream':
        fn.addEventSource(this.streamSource(name, trigger));
        return;
      case 'kafka':
        fn.addEventSource(this.kafkaSource(name, trigger, props.kafka));
        return;
      case 'schedule':
        this.addSchedule(name, fn, trigger, index);
        return;
      default: {
        const unknown: never = trigger;
        throw new Error(`${name}: unsupported trigger ${JSON.stringify(unknown)}`);
      }
    }
  }

  /**
   * DynamoDB Streams on one of the service's own tables, INSERTs of the given `kind` only. Retries
   * are unlimited (until the record leaves the 24-hour stream) so that no outbox item is dropped;
   * the handler reports the failed items so that the rest of the batch is not retried.
   */
  private streamSource(name: string, trigger: StreamTrigger): DynamoEventSource {
    const table = this.tables.get(trigger.table);
    const spec = this.manifest.tables[trigger.table];
    if (table === undefined || spec === undefined) {
      throw new Error(`${name}: stream trigger on unknown table '${trigger.table}' of service ${this.manifest.name}.`);
    }
    if (!spec.stream) {
      throw new Error(`${name}: stream trigger on table '${trigger.table}', which has no stream (set stream: true).`);
    }
    return new DynamoEventSource(table, {
      startingPosition: lambda.StartingPosition.TRIM_HORIZON,
      batchSize: trigger.batchSize,
      reportBatchItemFailures: true,
      bisectBatchOnError: false,
      retryAttempts: -1,
      filters: [
        lambda.FilterCriteria.filter({
          eventName: lambda.FilterRule.isEqual('INSERT'),
          dynamodb: { NewImage: { kind: { S: lambda.FilterRule.isEqual(trigger.kindFilter) } } },
        }),
      ],
    });
  }

  /**
   * An MSK event source mapping; the consumer group is the function's qualified name. The consumer
   * dead-letters every record it cannot process, so what still fails a batch is passing (DynamoDB
   * or the broker unavailable) or a fault of the function: Lambda retries the batch
   * `retryAttempts` times, halving it on each error to narrow it down to the failing record, then
   * parks what still fails on the topic's dead-letter topic and goes on, instead of blocking the
   * partition for as long as the record stays on the topic. Bounded retries, bisecting and a Kafka on-failure destination are
   * only available in provisioned mode, hence the pollers.
   * https://docs.aws.amazon.com/lambda/latest/dg/kafka-retry-configurations.html
   * https://docs.aws.amazon.com/lambda/latest/dg/kafka-on-failure-destination.html
   * https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventsourcemapping.html#invocation-eventsourcemapping-provisioned-mode
   */
  private kafkaSource(name: string, trigger: KafkaTrigger, kafka: ServerlessKafka): ManagedKafkaEventSource {
    // The default, -1, would retry for as long as the record stays on the topic.
    const retryAttempts = 10;
    return new ManagedKafkaEventSource({
      clusterArn: kafka.clusterArn,
      topic: trigger.topic,
      batchSize: trigger.batchSize,
      startingPosition: startingPositions[trigger.startingPosition],
      consumerGroupId: name,
      provisionedPollerConfig: { minimumPollers: 1, maximumPollers: topicPartitions },
      retryAttempts,
      bisectBatchOnError: true,
      // Lambda writes the failed records themselves, with its failure metadata, to a topic of the
      // same cluster; the execution role's kafka-cluster:WriteData on the cluster's topics covers it.
      onFailure: new KafkaDlq(dlqTopic(trigger.topic)),
    });
  }

  /**
   * An EventBridge Scheduler schedule on the manifest's six-field cron, in its time zone. The
   * function gets `{ scheduledTime }`, the schedule's own time, so that a run (or a retry of it)
   * stands for the moment it was due, not the moment it ran.
   * https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-schedule-context-attributes.html
   */
  private addSchedule(name: string, fn: ServiceFunction, trigger: ScheduleTrigger, index: number): void {
    new scheduler.Schedule(this, `${name}-schedule-${index}`, {
      description: `${name}: cron(${trigger.cron}) ${trigger.timeZone}`,
      schedule: scheduler.ScheduleExpression.expression(`cron(${trigger.cron})`, TimeZone.of(trigger.timeZone)),
      target: new LambdaInvoke(fn, { input: scheduler.ScheduleTargetInput.fromObject({ scheduledTime: scheduler.ContextAttribute.scheduledTime }) }),
    });
  }
}

/** The SMS provider the context names (`-c smsProvider=aliyun` or `tencent`); SNS by default. */
const smsProviderOf = (scope: Construct): string => (scope.node.tryGetContext('smsProvider') as string | undefined) ?? 'sns';

/**
 * Where a function that sends notifications sends them: email through SES from the address the
 * context gives (`-c notifyFrom=…`); SMS through SNS unless the context names a domestic provider
 * (whose keys the deployment supplies); links to the app at `-c publicBaseUrl=…`, else at the web
 * app's distribution.
 */
const notificationEnvironment = (scope: Construct, webUrl: string | undefined): Record<string, string> => {
  const publicBaseUrl = (scope.node.tryGetContext('publicBaseUrl') as string | undefined) ?? webUrl;
  return {
    EMAIL_PROVIDER: 'ses',
    SES_FROM_ADDRESS: (scope.node.tryGetContext('notifyFrom') as string | undefined) ?? 'noreply@example.gov.cn',
    SMS_PROVIDER: smsProviderOf(scope),
    ...(publicBaseUrl ? { PUBLIC_BASE_URL: publicBaseUrl } : {}),
  };
};

/**
 * SES sending from the account's verified identities, and SNS SMS when SNS sends them (a phone
 * number is no resource ARN, so SNS asks for `*`: https://docs.aws.amazon.com/sns/latest/dg/sms_sending-overview.html).
 */
const grantNotifications = (fn: ServiceFunction, smsProvider: string): void => {
  const stack = Stack.of(fn);
  fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['ses:SendEmail'], resources: [stack.formatArn({ service: 'ses', resource: 'identity', resourceName: '*' })] }));
  if (smsProvider === 'sns') fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] }));
};
