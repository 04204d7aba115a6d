/**
 * Deployment configuration read from CDK context (`cdk.json` or `cdk synth -c key=value`). Nothing
 * here is looked up in an AWS account, so `cdk synth` works offline and without credentials.
 */
import type { Environment } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** Issuer and audience the HTTP API's JWT authorizer accepts. */
export interface JwtConfig {
  /** The `iss` claim, e.g. `https://login.example.gov.cn/realms/cg`. */
  readonly issuer: string;
  /** Accepted `aud` (or, for Cognito access tokens, `client_id`) values. */
  readonly audience: readonly string[];
}

/** Everything the platform stack takes from configuration. */
export interface PlatformConfig {
  /** An external identity provider; without it the stack creates a Cognito user pool. */
  readonly jwt?: JwtConfig;
  /** With an external provider, the client the web app signs in as (by default the first audience). */
  readonly webClientId?: string;
  /** The Cognito hosted sign-in domain's prefix, globally unique; by default derived from the stack. */
  readonly authDomainPrefix?: string;
}

/** The signature suites a deployment can choose (`-c signatureSuite=sm3-sm2` for SM2 keys in KMS). */
export const signatureSuites = ['sha256-ecdsa-p256', 'sm3-sm2'] as const;
export type SignatureSuiteName = (typeof signatureSuites)[number];

/** The signature suite from context `signatureSuite`; SHA-256 with ECDSA P-256 when not given. */
export const signatureSuiteFromContext = (scope: IConstruct): SignatureSuiteName => {
  const value: unknown = scope.node.tryGetContext('signatureSuite') ?? 'sha256-ecdsa-p256';
  if (!(signatureSuites as readonly unknown[]).includes(value)) {
    throw new Error(`Context "signatureSuite" must be one of ${signatureSuites.join(', ')}, not ${JSON.stringify(value)}`);
  }
  return value as SignatureSuiteName;
};

/** Context keys the app reads. */
export const contextKeys = {
  jwtIssuer: 'jwtIssuer',
  jwtAudience: 'jwtAudience',
  webClientId: 'webClientId',
  authDomainPrefix: 'authDomainPrefix',
  account: 'account',
  region: 'region',
  availabilityZones: 'availabilityZones',
  partition: 'partition',
  stage: 'stage',
  target: 'target',
  webDomain: 'webDomain',
  webCertificateId: 'webCertificateId',
} as const;

/** The AWS partitions the stack deploys to: the global one and China (Beijing, Ningxia). */
export const partitions = ['aws', 'aws-cn'] as const;
export type PartitionName = (typeof partitions)[number];

/** The region a China stack goes to when the context names none: Beijing. */
export const defaultChinaRegion = 'cn-north-1';

const isChinaRegion = (region: string): boolean => region.startsWith('cn-');

const contextString = (scope: IConstruct, key: string): string | undefined => {
  const value: unknown = scope.node.tryGetContext(key);
  return value === undefined ? undefined : String(value);
};

/**
 * The partition from context `partition`, else the one of context `region` (`cn-*` is `aws-cn`),
 * else `aws`. A region of the other partition is refused.
 */
export const partitionFromContext = (scope: IConstruct): PartitionName => {
  const given = contextString(scope, contextKeys.partition);
  const region = contextString(scope, contextKeys.region);
  if (given !== undefined && !(partitions as readonly string[]).includes(given)) {
    throw new Error(`Context "partition" must be one of ${partitions.join(', ')}, not ${JSON.stringify(given)}`);
  }
  const partition = (given as PartitionName | undefined) ?? (region !== undefined && isChinaRegion(region) ? 'aws-cn' : 'aws');
  if (region !== undefined && isChinaRegion(region) !== (partition === 'aws-cn')) {
    throw new Error(`Region ${region} is not in partition ${partition}.`);
  }
  return partition;
};

/** What each deployment stage sizes and keeps (`-c stage=dev|staging|prod`, dev by default). */
export interface StageSettings {
  readonly name: Stage;
  /** MSK broker instance type (https://docs.aws.amazon.com/msk/latest/developerguide/broker-instance-sizes.html). */
  readonly kafkaInstanceType: string;
  /** Brokers in each of the VPC's zones. */
  readonly kafkaBrokersPerZone: number;
  /** EBS storage of each broker, GiB. */
  readonly kafkaVolumeGiB: number;
  /** Days the functions' logs are kept. */
  readonly logRetentionDays: number;
  /** Steady-state requests a second of the HTTP API, and its burst. */
  readonly apiRateLimit: number;
  readonly apiBurstLimit: number;
}

export const stages = ['dev', 'staging', 'prod'] as const;
export type Stage = (typeof stages)[number];

/** The settings of each stage; docs/capacity.md gives the figures behind prod's. */
export const stageSettings: Readonly<Record<Stage, StageSettings>> = {
  dev: { name: 'dev', kafkaInstanceType: 'kafka.t3.small', kafkaBrokersPerZone: 1, kafkaVolumeGiB: 20, logRetentionDays: 30, apiRateLimit: 50, apiBurstLimit: 100 },
  staging: { name: 'staging', kafkaInstanceType: 'kafka.m7g.large', kafkaBrokersPerZone: 1, kafkaVolumeGiB: 100, logRetentionDays: 90, apiRateLimit: 200, apiBurstLimit: 400 },
  prod: { name: 'prod', kafkaInstanceType: 'kafka.m7g.large', kafkaBrokersPerZone: 2, kafkaVolumeGiB: 500, logRetentionDays: 365, apiRateLimit: 1000, apiBurstLimit: 2000 },
};

/** The stage's settings from context `stage`; dev when not given. */
export const stageFromContext = (scope: IConstruct): StageSettings => {
  const given = contextString(scope, contextKeys.stage) ?? 'dev';
  if (!(stages as readonly string[]).includes(given)) throw new Error(`Context "stage" must be one of ${stages.join(', ')}, not ${JSON.stringify(given)}`);
  return stageSettings[given as Stage];
};

/**
 * Where the stack goes: `aws` (the default) or `localstack`, the stack LocalStack's community
 * edition can hold: without what needs its paid edition (MSK and the Kafka event source mappings,
 * the HTTP API and its routes, Cognito, CloudFront), listed by {@link localStackOmissions}.
 */
export const targets = ['aws', 'localstack'] as const;
export type Target = (typeof targets)[number];

export const targetFromContext = (scope: IConstruct): Target => {
  const given = contextString(scope, contextKeys.target) ?? 'aws';
  if (!(targets as readonly string[]).includes(given)) throw new Error(`Context "target" must be one of ${targets.join(', ')}, not ${JSON.stringify(given)}`);
  return given as Target;
};

/** What the LocalStack target leaves out, and why. */
export const localStackOmissions: readonly string[] = [
  'the MSK cluster, its topics and the Kafka event source mappings (Amazon MSK is in LocalStack’s paid edition)',
  'the HTTP API, its JWT authorizer and routes (API Gateway v2 is in the paid edition)',
  'the Cognito user pool (paid edition)',
  'the web app’s CloudFront distribution (paid edition)',
  'the VPC attachment of the functions (they reach LocalStack directly)',
];

/**
 * The web app's own domain and its certificate: in the China regions CloudFront serves only an
 * alternate domain name with an ICP recordal, with a certificate from the IAM certificate store
 * (https://docs.amazonaws.cn/en_us/aws/latest/userguide/cloudfront.html).
 */
export const webDomainFromContext = (scope: IConstruct): { readonly domainName: string; readonly iamCertificateId?: string } | undefined => {
  const domainName = contextString(scope, contextKeys.webDomain);
  if (domainName === undefined) return undefined;
  const iamCertificateId = contextString(scope, contextKeys.webCertificateId);
  return { domainName, ...(iamCertificateId === undefined ? {} : { iamCertificateId }) };
};

const stringList = (value: unknown, key: string): string[] => {
  const items = Array.isArray(value) ? value : String(value).split(',');
  const list = items.map((item) => String(item).trim()).filter((item) => item.length > 0);
  if (list.length === 0) throw new Error(`Context "${key}" is empty; give one audience or a comma-separated list.`);
  return list;
};

/**
 * Reads the platform configuration from CDK context. `jwtIssuer` and `jwtAudience` (a string, a
 * comma-separated string or an array) must be given together or not at all.
 */
export const readPlatformConfig = (scope: IConstruct): PlatformConfig => {
  const issuer: unknown = scope.node.tryGetContext(contextKeys.jwtIssuer);
  const audience: unknown = scope.node.tryGetContext(contextKeys.jwtAudience);
  const webClientId: unknown = scope.node.tryGetContext(contextKeys.webClientId);
  const authDomainPrefix: unknown = scope.node.tryGetContext(contextKeys.authDomainPrefix);
  const web = {
    ...(webClientId === undefined ? {} : { webClientId: String(webClientId) }),
    ...(authDomainPrefix === undefined ? {} : { authDomainPrefix: String(authDomainPrefix) }),
  };
  if (issuer === undefined && audience === undefined) return web;
  if (issuer === undefined || audience === undefined) {
    throw new Error(
      `Context "${contextKeys.jwtIssuer}" and "${contextKeys.jwtAudience}" must be given together ` +
        '(or neither, to create a Cognito user pool).',
    );
  }
  return { jwt: { issuer: String(issuer), audience: stringList(audience, contextKeys.jwtAudience) }, ...web };
};

/**
 * The stack environment from context `account` and `region` (for `partition=aws-cn` the region is
 * Beijing unless given); `undefined` (an environment-agnostic stack) when neither is known. Never reads credentials or calls AWS.
 */
export const environmentFromContext = (scope: IConstruct): Environment | undefined => {
  const account: unknown = scope.node.tryGetContext(contextKeys.account);
  // A China stack always has its region: nothing in it may depend on a region outside China.
  const region: unknown = scope.node.tryGetContext(contextKeys.region) ?? (partitionFromContext(scope) === 'aws-cn' ? defaultChinaRegion : undefined);
  if (account === undefined && region === undefined) return undefined;
  return {
    ...(account === undefined ? {} : { account: String(account) }),
    ...(region === undefined ? {} : { region: String(region) }),
  };
};

/**
 * The availability zones the context names (`-c availabilityZones=cn-northwest-1b,cn-northwest-1c`,
 * a list or comma-separated), or undefined: then the stack takes the region's first two from
 * CloudFormation's `Fn::GetAZs` at deployment, never from a lookup in the account at synthesis
 * (which would need credentials) nor from names written into the template (which
 * CloudFormation's validation warns of, rule W3010).
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-getavailabilityzones.html
 */
export const availabilityZonesFromContext = (scope: IConstruct): string[] | undefined => {
  const given: unknown = scope.node.tryGetContext(contextKeys.availabilityZones);
  return given === undefined ? undefined : stringList(given, contextKeys.availabilityZones);
};
