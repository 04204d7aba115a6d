/** Everything one service manifest declares: tables, functions and their triggers. */
import { Duration, RemovalPolicy, Stack, TimeZone, Tags, type CfnElement } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, KafkaDlq, ManagedKafkaEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import { dlqTopic, topicPartitions, type TopicName } from '#events/topics.js';
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
  type FunctionSpec,
} from '#shared/manifest.js';
import { consumerMetricNames, metricsNamespace } from '#shared/metrics.js';
import { outboxKind } from '#shared/outbox/outbox.js';
import type { PlatformApi } from './platform-api.js';
import type { KafkaAccess, KafkaCluster } from './kafka-cluster.js';
import { ServiceFunction } from './service-function.js';
import { ServiceTable } from './service-table.js';
import { ServiceBucket } from './service-bucket.js';
import { acknowledgeObjectAccess, acknowledgeScheduleTarget } from './nag.js';
import { SERVICE_TAG } from './tags.js';
import { signatureSuiteFromContext, type PartitionName, type StageSettings } from './config.js';

/** The shared platform pieces a service plugs into. */
export interface ServiceConstructProps {
  readonly manifest: ServiceManifest;
  /** Where the functions that use Kafka run; absent on LocalStack. */
  readonly network?: { readonly vpc: ec2.IVpc; readonly subnets: ec2.SubnetSelection; readonly securityGroup: ec2.ISecurityGroup };
  /** The cluster; absent on LocalStack, which then gets no Kafka mappings. */
  readonly kafka?: KafkaCluster;
  /** The HTTP API; absent on LocalStack, which then gets no routes. */
  readonly api?: PlatformApi;
  readonly partition: PartitionName;
  readonly stage: StageSettings;
  /** Where the buckets' access logs go. */
  readonly accessLogs?: s3.IBucket;
  /** Where the alarms send their state changes. */
  readonly alarmTopic?: sns.ITopic;
  /**
   * Where the alarms are made: a nested stack of their own, so that two to four alarms a function
   * do not crowd the service's stack toward CloudFormation's 500 resources. By default the service's.
   */
  readonly alarmScope?: Construct;
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
  /** The service's own KMS key, which encrypts its tables, their streams and its buckets. */
  readonly dataKey: kms.Key;
  /** Every alarm of the service. */
  readonly alarms: cloudwatch.Alarm[] = [];
  private readonly manifest: ServiceManifest;

  constructor(scope: Construct, id: string, props: ServiceConstructProps) {
    super(scope, id);
    const { manifest, kafka } = props;
    this.manifest = manifest;
    Tags.of(this).add(SERVICE_TAG, manifest.name);

    // The service's own key: its tables, their streams and its buckets; no other service's function may use it.
    this.dataKey = new kms.Key(this, 'data-key', {
      description: `${manifest.name}: its tables and buckets`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const tables = new Map<string, ServiceTable>();
    for (const [tableKey, spec] of Object.entries(manifest.tables)) {
      tables.set(tableKey, new ServiceTable(this, `${tableKey}-table`, { service: manifest.name, tableKey, spec, encryptionKey: this.dataKey }));
    }
    this.tables = tables;

    const buckets = new Map<string, ServiceBucket>();
    for (const [bucketKey, spec] of Object.entries(manifest.buckets ?? {})) {
      buckets.set(bucketKey, new ServiceBucket(this, `${bucketKey}-bucket`, { service: manifest.name, bucketKey, spec, encryptionKey: this.dataKey, ...(props.accessLogs ? { accessLogs: props.accessLogs } : {}) }));
    }
    this.buckets = buckets;
    for (const bucket of buckets.values()) acknowledgeObjectAccess(this, Stack.of(bucket).getLogicalId(bucket.node.defaultChild as CfnElement));

    const environment: Record<string, string> = {
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
      const access = kafkaAccessOf(manifest, name, spec);
      const usesKafka = kafka !== undefined && access !== undefined;
      const fn = new ServiceFunction(this, name, {
        service: manifest.name,
        qualifiedName: name,
        spec,
        ...(usesKafka && props.network ? { network: props.network } : {}),
        logRetentionDays: props.stage.logRetentionDays,
        environment: {
          ...environment,
          ...(usesKafka ? { KAFKA_BROKERS: kafka.bootstrapBrokers, KAFKA_AUTH: 'iam' } : {}),
          ...Object.fromEntries(used.map(([bucketKey, bucket]) => [bucketEnvName(manifest.name, bucketKey), bucket.bucketName])),
          ...(spec.sendsNotifications ? notificationEnvironment(this, props.partition, props.publicBaseUrl) : {}),
        },
      });
      if (spec.sendsNotifications) grantNotifications(fn, props.partition, smsProviderOf(this, props.partition));
      for (const table of tables.values()) table.grantReadWriteData(fn);
      // Objects only, by the three actions the uploads use; no listing, no bucket settings.
      for (const [, bucket] of used) {
        // (The service's key, which encrypts them, is granted with its tables.)
        fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], resources: [bucket.arnForObjects('*')] }));
      }
      // Every function may read the public keys (to verify); only those that sign may sign.
      for (const [keyName, key] of keys) key.grant(fn, ...(spec.signsWith?.includes(keyName) ? ['kms:Sign', 'kms:GetPublicKey'] : ['kms:GetPublicKey']));
      // Only the functions that name an encryption key may encrypt with it, and decrypt only if they say so.
      for (const [keyName, key] of encryptionKeys) {
        if (spec.encryptsWith?.includes(keyName)) key.grantEncrypt(fn);
        if (spec.decryptsWith?.includes(keyName)) key.grantDecrypt(fn);
      }
      if (usesKafka) kafka.grantAccess(fn, access);
      spec.triggers.forEach((trigger, index) => this.addTrigger(name, fn, trigger, index, props));
      this.addAlarms(name, fn, spec, props);
      functions.set(functionName, fn);
    }
    this.functions = functions;
  }

  private addTrigger(name: string, fn: ServiceFunction, trigger: Trigger, index: number, props: ServiceConstructProps): void {
    switch (trigger.type) {
      case 'http':
        props.api?.addRoute(this, name, fn, trigger);
        return;
      case 'stream':
        fn.addEventSource(this.streamSource(name, trigger));
        return;
      case 'kafka':
        if (props.kafka) fn.addEventSource(this.kafkaSource(name, trigger, props.kafka, props.partition));
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
  private kafkaSource(name: string, trigger: KafkaTrigger, kafka: KafkaCluster, partition: PartitionName): ManagedKafkaEventSource {
    const common = {
      clusterArn: kafka.clusterArn,
      topic: trigger.topic,
      batchSize: trigger.batchSize,
      startingPosition: startingPositions[trigger.startingPosition],
      consumerGroupId: name,
    };
    // Provisioned mode, and with it all three, is not offered in the China regions
    // (https://docs.amazonaws.cn/en_us/aws/latest/userguide/lambda.html): there a batch that fails
    // is retried until it passes, and the consumer's own dead-lettering is what keeps a poison
    // record from blocking its partition.
    if (partition === 'aws-cn') return new ManagedKafkaEventSource(common);
    return new ManagedKafkaEventSource({
      ...common,
      provisionedPollerConfig: { minimumPollers: 1, maximumPollers: topicPartitions },
      // The default, -1, would retry for as long as the record stays on the topic.
      retryAttempts: 10,
      bisectBatchOnError: true,
      // Lambda writes the failed records themselves, with its failure metadata, to a topic of the
      // same cluster; the execution role may write that dead-letter topic (kafkaAccessOf).
      onFailure: new KafkaDlq(dlqTopic(trigger.topic)),
    });
  }

  /**
   * The function's alarms, each sending to the alarm topic: errors; p99 duration above 80% of its
   * timeout; for a Kafka mapping, the offset lag; for a stream mapping, the iterator age; for a
   * consumer, any record it dead-lettered (the dead-letter topics' own alarms are the cluster's).
   * https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html
   */
  private addAlarms(name: string, fn: ServiceFunction, spec: FunctionSpec, props: ServiceConstructProps): void {
    const fiveMinutes = Duration.minutes(5);
    const alarm = (id: string, description: string, metric: cloudwatch.IMetric, threshold: number): void => {
      const made = new cloudwatch.Alarm(props.alarmScope ?? this, `${name}-${id}`, {
        alarmDescription: `${name}: ${description}`,
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      if (props.alarmTopic) made.addAlarmAction(new cloudwatchActions.SnsAction(props.alarmTopic));
      this.alarms.push(made);
    };
    const lambdaMetric = (metricName: string, statistic: string) =>
      new cloudwatch.Metric({ namespace: 'AWS/Lambda', metricName, dimensionsMap: { FunctionName: fn.functionName }, statistic, period: fiveMinutes });
    alarm('errors', 'errors', fn.metricErrors({ period: fiveMinutes, statistic: 'Sum' }), 0);
    alarm('duration-p99', 'p99 duration above 80% of the timeout', fn.metricDuration({ period: fiveMinutes, statistic: 'p99' }), spec.timeoutSeconds * 1000 * 0.8);
    for (const trigger of spec.triggers) {
      if (trigger.type === 'kafka' && props.kafka) {
        // OffsetLag: records the mapping is behind on the topic (https://docs.aws.amazon.com/lambda/latest/dg/with-msk-monitoring.html).
        alarm('offset-lag', `behind on ${trigger.topic}`, lambdaMetric('OffsetLag', 'Maximum'), 10_000);
      }
      if (trigger.type === 'kafka') {
        const deadLettered = new cloudwatch.Metric({
          namespace: metricsNamespace,
          metricName: consumerMetricNames['dead-lettered'],
          dimensionsMap: { consumer: name, service: this.manifest.name },
          statistic: 'Sum',
          period: fiveMinutes,
        });
        alarm('dead-lettered', `sent records of ${trigger.topic} to ${dlqTopic(trigger.topic)}`, deadLettered, 0);
      }
      if (trigger.type === 'stream') {
        // IteratorAge: how old the last record read was; a stream keeps records 24 hours.
        alarm('iterator-age', `behind on the ${trigger.table} table's stream`, lambdaMetric('IteratorAge', 'Maximum'), Duration.minutes(15).toMilliseconds());
      }
    }
  }

  /**
   * An EventBridge Scheduler schedule on the manifest's six-field cron, in its time zone. The
   * function gets `{ scheduledTime }`, the schedule's own time, so that a run (or a retry of it)
   * stands for the moment it was due, not the moment it ran.
   * https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-schedule-context-attributes.html
   */
  private addSchedule(name: string, fn: ServiceFunction, trigger: ScheduleTrigger, index: number): void {
    // The schedule's role is made by CDK in the service's stack, beside this construct.
    acknowledgeScheduleTarget(Stack.of(this), Stack.of(fn).getLogicalId(fn.node.defaultChild as CfnElement));
    new scheduler.Schedule(this, `${name}-schedule-${index}`, {
      description: `${name}: cron(${trigger.cron}) ${trigger.timeZone}`,
      schedule: scheduler.ScheduleExpression.expression(`cron(${trigger.cron})`, TimeZone.of(trigger.timeZone)),
      target: new LambdaInvoke(fn, { input: scheduler.ScheduleTargetInput.fromObject({ scheduledTime: scheduler.ContextAttribute.scheduledTime }) }),
    });
  }
}

/**
 * What a function does on Kafka, from its triggers: a consumer reads its topics as its own group and
 * may write their dead-letter topics and the service's own topics (a consumer that records its own
 * events); an outbox relay writes the service's topics. Any other function does not use Kafka.
 */
export const kafkaAccessOf = (manifest: ServiceManifest, name: string, spec: FunctionSpec): KafkaAccess | undefined => {
  const reads = spec.triggers.flatMap((t): TopicName[] => (t.type === 'kafka' ? [t.topic] : []));
  const relays = spec.triggers.some((t) => t.type === 'stream' && t.kindFilter === outboxKind);
  if (reads.length === 0 && !relays) return undefined;
  return {
    reads,
    writes: [...new Set([...manifest.produces, ...reads.map(dlqTopic)])],
    ...(reads.length > 0 ? { group: name } : {}),
  };
};

/**
 * The SMS provider the context names (`-c smsProvider=aliyun` or `tencent`); by default SNS, and
 * in the China regions, where SNS sends no SMS, Aliyun's.
 */
const smsProviderOf = (scope: Construct, partition: PartitionName): string =>
  (scope.node.tryGetContext('smsProvider') as string | undefined) ?? (partition === 'aws-cn' ? 'aliyun' : 'sns');

/** The address email is sent from (`-c notifyFrom=…`). */
const senderOf = (scope: Construct): string => (scope.node.tryGetContext('notifyFrom') as string | undefined) ?? 'noreply@example.gov.cn';

/**
 * Where a function that sends notifications sends them: email through SES from the address the
 * context gives (`-c notifyFrom=…`), except in the China regions, which have no SES
 * (https://docs.amazonaws.cn/en_us/aws/latest/userguide/services.html): there reminders go by SMS
 * and in the app; SMS through SNS or a domestic provider (whose keys the deployment supplies);
 * links to the app at `-c publicBaseUrl=…`, else at the web app's distribution.
 */
const notificationEnvironment = (scope: Construct, partition: PartitionName, webUrl: string | undefined): Record<string, string> => {
  const publicBaseUrl = (scope.node.tryGetContext('publicBaseUrl') as string | undefined) ?? webUrl;
  return {
    ...(partition === 'aws-cn'
      ? { EMAIL_PROVIDER: 'none' }
      : { EMAIL_PROVIDER: 'ses', SES_FROM_ADDRESS: senderOf(scope) }),
    SMS_PROVIDER: smsProviderOf(scope, partition),
    ...(publicBaseUrl ? { PUBLIC_BASE_URL: publicBaseUrl } : {}),
  };
};

/**
 * SES sending from the account's verified identities (not in China), and SNS SMS when SNS sends them
 * (a phone number is no resource ARN, so SNS asks for `*`: https://docs.aws.amazon.com/sns/latest/dg/sms_sending-overview.html).
 */
const grantNotifications = (fn: ServiceFunction, partition: PartitionName, smsProvider: string): void => {
  const stack = Stack.of(fn);
  if (partition !== 'aws-cn') {
    // Only the sender's own identities: the address and its domain (https://docs.aws.amazon.com/ses/latest/dg/control-user-access.html).
    const from = senderOf(fn);
    const identities = [from, from.split('@')[1]!].map((name) => stack.formatArn({ service: 'ses', resource: 'identity', resourceName: name }));
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['ses:SendEmail'], resources: identities }));
  }
  if (smsProvider === 'sns') fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] }));
};
