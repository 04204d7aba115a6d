/**
 * The MSK cluster every service publishes to and consumes from, with the topics of
 * `events/topics.ts`. A provisioned cluster, not MSK Serverless (docs/adr/0026-deployable-stack.md):
 * only a provisioned cluster encrypts its volumes with a key of ours, and only it exists in the
 * China regions (https://docs.amazonaws.cn/en_us/aws/latest/userguide/msk.html).
 */
import { ArnFormat, Fn, Names, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as msk from 'aws-cdk-lib/aws-msk';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { allTopics, topicPartitions, type TopicName } from '#events/topics.js';

/** MSK's broker port for SASL/IAM clients (https://docs.aws.amazon.com/msk/latest/developerguide/port-info.html). */
export const MSK_IAM_PORT = 9098;

/** The Kafka version of the brokers (https://docs.aws.amazon.com/msk/latest/developerguide/supported-kafka-versions.html). */
export const KAFKA_VERSION = '3.8.x';

/** How long each kind of topic keeps its records. */
export const topicRetention = {
  /** Every event for ever: the read models are rebuilt from the topics (docs/adr/0019). */
  events: -1,
  /** Dead letters for 30 days, time to read, mend and send them again. */
  dlq: 30 * 24 * 60 * 60 * 1000,
} as const;

/** Props of {@link KafkaCluster}. */
export interface KafkaClusterProps {
  readonly vpc: ec2.IVpc;
  readonly subnets: ec2.SubnetSelection;
  /** The security group of the clients (the Lambda functions that use Kafka). */
  readonly clients: ec2.ISecurityGroup;
  /** The interface endpoints' security group, which must admit the cluster's mappings. */
  readonly endpoints?: ec2.ISecurityGroup;
  /** The key the brokers' volumes are encrypted with. */
  readonly encryptionKey: kms.IKey;
  readonly instanceType: string;
  readonly brokersPerZone: number;
  readonly volumeGiB: number;
  readonly logRetentionDays: number;
}

/** What one function does on Kafka: the topics it reads (as its own group) and those it writes. */
export interface KafkaAccess {
  readonly reads: readonly TopicName[];
  readonly writes: readonly string[];
  /** The consumer group, the function's qualified name. */
  readonly group?: string;
}

/**
 * A provisioned MSK cluster in the private subnets: SASL/IAM only, TLS between clients and brokers
 * and between brokers, volumes encrypted with our key, broker logs in CloudWatch, per-topic metrics
 * (for the dead-letter alarms), and one `AWS::MSK::Topic` per topic of `events/topics.ts` (its
 * dead-letter topic included).
 */
export class KafkaCluster extends Construct {
  /** The cluster's ARN (event source mappings point at it). */
  readonly clusterArn: string;
  /** The cluster's name (part of topic and group ARNs). */
  readonly clusterName: string;
  /** `host:9098,…` bootstrap broker string for SASL/IAM clients. */
  readonly bootstrapBrokers: string;
  /** The security group attached to the brokers. */
  readonly securityGroup: ec2.SecurityGroup;
  /** The number of brokers (their ids are 1 … brokerCount). */
  readonly brokerCount: number;
  /** The topics by name. */
  readonly topics: ReadonlyMap<string, msk.CfnTopic>;

  constructor(scope: Construct, id: string, props: KafkaClusterProps) {
    super(scope, id);
    this.clusterName = Names.uniqueResourceName(this, { maxLength: 64, separator: '-' });

    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: 'MSK cluster',
      allowAllOutbound: false,
    });
    this.securityGroup.addIngressRule(props.clients, ec2.Port.tcp(MSK_IAM_PORT), 'Lambda functions (SASL/IAM)');
    // Lambda's MSK event source mappings connect through ENIs that carry the *cluster's* security
    // group, so the group must admit itself on the broker port, and reach Lambda and STS through
    // the VPC's endpoints (https://docs.aws.amazon.com/lambda/latest/dg/with-msk-cluster-network.html).
    this.securityGroup.addIngressRule(this.securityGroup, ec2.Port.tcp(MSK_IAM_PORT), 'Lambda event source mappings');
    this.securityGroup.addEgressRule(this.securityGroup, ec2.Port.tcp(MSK_IAM_PORT), 'Brokers and event source mappings');
    this.securityGroup.addEgressRule(ec2.Peer.ipv4(props.vpc.vpcCidrBlock), ec2.Port.tcp(443), 'VPC endpoints (Lambda, STS)');
    if (props.endpoints) this.allowEndpoints(props.endpoints);

    const subnetIds = props.vpc.selectSubnets(props.subnets).subnetIds;
    this.brokerCount = subnetIds.length * props.brokersPerZone;
    const replicationFactor = Math.min(3, this.brokerCount);
    const brokerLogs = new logs.LogGroup(this, 'BrokerLogs', { retention: props.logRetentionDays as logs.RetentionDays, removalPolicy: RemovalPolicy.DESTROY });
    const cluster = new msk.CfnCluster(this, 'Cluster', {
      clusterName: this.clusterName,
      kafkaVersion: KAFKA_VERSION,
      numberOfBrokerNodes: this.brokerCount,
      brokerNodeGroupInfo: {
        clientSubnets: subnetIds,
        instanceType: props.instanceType,
        securityGroups: [this.securityGroup.securityGroupId],
        storageInfo: { ebsStorageInfo: { volumeSize: props.volumeGiB } },
      },
      clientAuthentication: { sasl: { iam: { enabled: true } }, unauthenticated: { enabled: false } },
      encryptionInfo: {
        encryptionAtRest: { dataVolumeKmsKeyId: props.encryptionKey.keyArn },
        encryptionInTransit: { clientBroker: 'TLS', inCluster: true },
      },
      enhancedMonitoring: 'PER_TOPIC_PER_BROKER',
      loggingInfo: { brokerLogs: { cloudWatchLogs: { enabled: true, logGroup: brokerLogs.logGroupName } } },
    });
    this.clusterArn = cluster.attrArn;

    // One resource per topic (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-msk-topic.html):
    // partitions as locally, every record kept on `replicationFactor` brokers, and acknowledged by
    // all but one of them.
    const made = new Map<string, msk.CfnTopic>();
    for (const topic of allTopics()) {
      const retention = topic.endsWith('.dlq') ? topicRetention.dlq : topicRetention.events;
      const configs = [`retention.ms=${retention}`, `min.insync.replicas=${Math.max(1, replicationFactor - 1)}`].join('\n');
      made.set(
        topic,
        new msk.CfnTopic(this, `Topic-${topic}`, {
          clusterArn: this.clusterArn,
          topicName: topic,
          partitionCount: topicPartitions,
          replicationFactor,
          configs: Fn.base64(configs),
        }),
      );
    }
    this.topics = made;

    // CloudFormation does not return a cluster's bootstrap brokers, so a custom resource reads
    // them once with kafka:GetBootstrapBrokers and the functions get them as KAFKA_BROKERS
    // (https://docs.aws.amazon.com/msk/1.0/apireference/clusters-clusterarn-bootstrap-brokers.html).
    const brokers = new cr.AwsCustomResource(this, 'BootstrapBrokers', {
      onUpdate: {
        service: 'Kafka',
        action: 'getBootstrapBrokers',
        parameters: { ClusterArn: this.clusterArn },
        physicalResourceId: cr.PhysicalResourceId.of(this.clusterArn),
        outputPaths: ['BootstrapBrokerStringSaslIam'],
      },
      policy: cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: [this.clusterArn] }),
      installLatestAwsSdk: false,
    });
    this.bootstrapBrokers = brokers.getResponseField('BootstrapBrokerStringSaslIam');
  }

  /**
   * The ARN of a topic or group of this cluster by name: `…:topic/<cluster name>/<cluster uuid>/<topic>`,
   * the uuid taken from the cluster's ARN, so that no policy holds a wildcard
   * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_apachekafkaapisforamazonmskclusters.html#apachekafkaapisforamazonmskclusters-resources-for-iam-policies).
   */
  private arnOf(resource: 'topic' | 'group', name: string): string {
    const uuid = Fn.select(2, Fn.split('/', this.clusterArn));
    return Stack.of(this).formatArn({ service: 'kafka', resource, resourceName: `${this.clusterName}/${uuid}/${name}`, arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
  }

  /** Admits the interface endpoints' clients: the cluster's mappings reach Lambda and STS through them. */
  allowEndpoints(endpoints: ec2.ISecurityGroup): void {
    endpoints.connections.allowFrom(this.securityGroup, ec2.Port.tcp(443), 'Kafka event source mappings');
  }

  /**
   * Grants a function what it does on Kafka and nothing more
   * (https://docs.aws.amazon.com/lambda/latest/dg/with-msk-permissions.html): connecting to the
   * cluster; reading its topics as its own group; writing only its topics. Topics are made by the
   * stack, so no function may create one.
   */
  grantAccess(grantee: iam.IGrantable, access: KafkaAccess): void {
    iam.Grant.addToPrincipal({
      grantee,
      actions: ['kafka-cluster:Connect', 'kafka-cluster:DescribeCluster', 'kafka:DescribeClusterV2', 'kafka:GetBootstrapBrokers'],
      resourceArns: [this.clusterArn],
    });
    const topicsUsed = [...new Set([...access.reads, ...access.writes])];
    if (topicsUsed.length > 0) {
      iam.Grant.addToPrincipal({ grantee, actions: ['kafka-cluster:DescribeTopic'], resourceArns: topicsUsed.map((t) => this.arnOf('topic', t)) });
    }
    if (access.reads.length > 0) {
      iam.Grant.addToPrincipal({ grantee, actions: ['kafka-cluster:ReadData'], resourceArns: access.reads.map((t) => this.arnOf('topic', t)) });
    }
    if (access.writes.length > 0) {
      iam.Grant.addToPrincipal({ grantee, actions: ['kafka-cluster:WriteData'], resourceArns: access.writes.map((t) => this.arnOf('topic', t)) });
    }
    if (access.group !== undefined) {
      iam.Grant.addToPrincipal({ grantee, actions: ['kafka-cluster:AlterGroup', 'kafka-cluster:DescribeGroup'], resourceArns: [this.arnOf('group', access.group)] });
    }
  }
}

