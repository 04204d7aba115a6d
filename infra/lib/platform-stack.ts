/** The platform stack: shared network, Kafka and HTTP API, the web app, and one construct per service manifest. */
import { CfnOutput, Duration, Fn, NestedStack, RemovalPolicy, Stack, Token, type CfnElement, type StackProps } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { ServiceManifest } from '#shared/manifest.js';
import {
  availabilityZonesFromContext,
  localStackOmissions,
  partitionFromContext,
  readPlatformConfig,
  stageFromContext,
  targetFromContext,
  webDomainFromContext,
  type PartitionName,
  type PlatformConfig,
  type StageSettings,
  type Target,
} from './config.js';
import { KafkaCluster } from './kafka-cluster.js';
import { Monitoring } from './monitoring.js';
import { acknowledgeAccessLogBucket, acknowledgeStackFindings, acknowledgeWebApp } from './nag.js';
import { Network } from './network.js';
import { jwtFromParameters, PlatformApi } from './platform-api.js';
import { ServiceConstruct } from './service-construct.js';
import { WebApp } from './web-app.js';

/** Props of {@link PlatformStack}. */
export interface PlatformStackProps extends StackProps {
  /** The service manifests to deploy (`services` from `services/index.ts`). */
  readonly services: readonly ServiceManifest[];
  /** Overrides the configuration otherwise read from CDK context. */
  readonly config?: PlatformConfig;
}

/**
 * Everything the platform deploys (docs/adr/0026-deployable-stack.md): a VPC without NAT, an MSK
 * cluster with the topics, one HTTP API with a JWT authorizer, the web app behind CloudFront (ADR
 * 0018), alarms and a dashboard, and, per manifest, a {@link ServiceConstruct} in a nested stack of
 * its own. A service's functions, roles, log groups, tables, alarms and event sources count
 * against its own stack's limit of 500 resources rather than the platform's; the routes too (ADR
 * 0015). In the China regions (`-c partition=aws-cn`) it uses only what is offered there; for
 * LocalStack (`-c target=localstack`) it leaves out what the community edition cannot hold.
 */
export class PlatformStack extends Stack {
  /** `aws` or `aws-cn`. */
  readonly partitionName: PartitionName;
  readonly target: Target;
  readonly stage: StageSettings;
  /** Network shared by the cluster and the functions that use it; absent on LocalStack. */
  readonly network?: Network;
  /** The Kafka cluster; absent on LocalStack. */
  readonly kafka?: KafkaCluster;
  /** The HTTP API; absent on LocalStack. */
  readonly api?: PlatformApi;
  /** The services by name. */
  readonly services: ReadonlyMap<string, ServiceConstruct>;
  /** The web app, with the API on its origin; absent on LocalStack. */
  readonly web?: WebApp;
  /** The alarms' topic and the dashboard. */
  readonly monitoring: Monitoring;

  /**
   * The zones the VPC spreads over: the context's, else the region's first two by `Fn::GetAZs`,
   * also for a stack with an account and a region, so that `cdk synth -c account=… -c region=…`
   * works offline and writes no zone name into the template.
   */
  override get availabilityZones(): string[] {
    return availabilityZonesFromContext(this) ?? [0, 1].map((index) => Fn.select(index, Fn.getAzs()));
  }

  constructor(scope: Construct, id: string, props: PlatformStackProps) {
    super(scope, id, props);
    // Log delivery writes access logs under a bucket policy, not an ACL, so every bucket keeps ACLs off
    // (https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html#grant-log-delivery-permissions-general).
    this.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);
    this.target = targetFromContext(this);
    this.stage = stageFromContext(this);
    this.partitionName = !Token.isUnresolved(this.region) && this.region.startsWith('cn-') ? 'aws-cn' : partitionFromContext(this);
    const china = this.partitionName === 'aws-cn';
    const onAws = this.target === 'aws';
    const config = props.config ?? readPlatformConfig(this);

    // The access logs of every bucket (log delivery writes with S3-managed keys only:
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html).
    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledgeAccessLogBucket(accessLogs);
    this.monitoring = new Monitoring(this, 'Monitoring', { stackName: this.stackName });
    acknowledgeStackFindings(this);

    let publicBaseUrl: string | undefined;
    if (onAws) {
      this.network = new Network(this, 'Network', { logRetentionDays: this.stage.logRetentionDays });
      this.kafka = new KafkaCluster(this, 'Kafka', {
        vpc: this.network.vpc,
        subnets: this.network.privateSubnets,
        clients: this.network.functionSecurityGroup,
        endpoints: this.network.endpointSecurityGroup,
        encryptionKey: new kms.Key(this, 'KafkaKey', { description: 'The Kafka cluster’s volumes', enableKeyRotation: true, removalPolicy: RemovalPolicy.RETAIN }),
        instanceType: this.stage.kafkaInstanceType,
        brokersPerZone: this.stage.kafkaBrokersPerZone,
        volumeGiB: this.stage.kafkaVolumeGiB,
        logRetentionDays: this.stage.logRetentionDays,
      });
      this.monitoring.watchDeadLetters(this.kafka);
      const fromParameters = config.jwt === undefined && china ? jwtFromParameters(this) : undefined;
      const jwt = config.jwt ?? fromParameters;
      this.api = new PlatformApi(this, 'Api', {
        ...(jwt === undefined ? {} : { jwt }),
        throttle: { rateLimit: this.stage.apiRateLimit, burstLimit: this.stage.apiBurstLimit },
        logRetentionDays: this.stage.logRetentionDays,
      });
      const webClientId = config.webClientId ?? fromParameters?.webClientId;
      const domain = webDomainFromContext(this);
      // Before the routes: the web app's client is one more audience of the API's authorizer.
      this.web = new WebApp(this, 'Web', {
        api: this.api,
        partition: this.partitionName,
        accessLogs,
        ...(webClientId ? { clientId: webClientId } : {}),
        ...(config.authDomainPrefix ? { authDomainPrefix: config.authDomainPrefix } : {}),
        ...(domain ? { domain } : {}),
      });
      acknowledgeWebApp(this.web, this.getLogicalId(this.web.bucket.node.defaultChild as CfnElement), china);
      publicBaseUrl = `https://${china && domain ? domain.domainName : this.web.distribution.distributionDomainName}`;
    }

    const services = new Map<string, ServiceConstruct>();
    for (const manifest of props.services) {
      const service = new ServiceConstruct(new NestedStack(this, `${manifest.name}-stack`, { description: `Service ${manifest.name}: its tables, buckets, keys, functions, triggers and alarms` }), manifest.name, {
        manifest,
        ...(this.network ? { network: { vpc: this.network.vpc, subnets: this.network.privateSubnets, securityGroup: this.network.functionSecurityGroup } } : {}),
        ...(this.kafka ? { kafka: this.kafka } : {}),
        ...(this.api ? { api: this.api } : {}),
        partition: this.partitionName,
        stage: this.stage,
        accessLogs,
        alarmTopic: this.monitoring.alarmTopic,
        alarmScope: new NestedStack(this, `${manifest.name}-alarms`, { description: `Service ${manifest.name}: the alarms of its functions and mappings` }),
        ...(publicBaseUrl ? { publicBaseUrl } : {}),
      });
      services.set(manifest.name, service);
    }
    this.services = services;

    if (this.api !== undefined && this.web !== undefined) {
      new CfnOutput(this, 'ApiUrl', { value: this.api.httpApi.apiEndpoint, description: 'Base URL of the HTTP API' });
      new CfnOutput(this, 'WebUrl', { value: publicBaseUrl!, description: 'The web app, with the API under /api on the same origin' });
      const identity = this.api.userPool;
      if (identity !== undefined) {
        new CfnOutput(this, 'UserPoolId', { value: identity.userPool.userPoolId, description: 'Cognito user pool of the API' });
        new CfnOutput(this, 'UserPoolClientId', { value: identity.client.userPoolClientId, description: 'App client (token audience)' });
      }
    } else {
      new CfnOutput(this, 'LeftOut', { value: localStackOmissions.join('; '), description: 'What the LocalStack target does not deploy' });
    }
  }
}

