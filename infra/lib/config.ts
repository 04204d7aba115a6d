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
} as const;

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
 * The stack environment from context `account` and `region`; `undefined` (an environment-agnostic
 * stack) when neither is given. Never reads credentials or calls AWS.
 */
export const environmentFromContext = (scope: IConstruct): Environment | undefined => {
  const account: unknown = scope.node.tryGetContext(contextKeys.account);
  const region: unknown = scope.node.tryGetContext(contextKeys.region);
  if (account === undefined && region === undefined) return undefined;
  return {
    ...(account === undefined ? {} : { account: String(account) }),
    ...(region === undefined ? {} : { region: String(region) }),
  };
};

/**
 * The availability zones a stack of a known account and region spreads its VPC over, without a
 * lookup in the account (which `cdk synth` would need credentials and the network for): context
 * `availabilityZones` (a list or comma-separated) if given, else the region's first two zones by
 * their usual names (`cn-north-1a`, `cn-north-1b`). Undefined for an environment-agnostic stack,
 * which keeps CloudFormation's `Fn::GetAZs`.
 * https://docs.aws.amazon.com/cdk/v2/guide/context.html#context_methods
 */
export const availabilityZonesFromContext = (scope: IConstruct, environment: { readonly account?: string; readonly region?: string }): string[] | undefined => {
  const given: unknown = scope.node.tryGetContext(contextKeys.availabilityZones);
  if (given !== undefined) return stringList(given, contextKeys.availabilityZones);
  if (environment.account === undefined || environment.region === undefined) return undefined;
  return [`${environment.region}a`, `${environment.region}b`];
};
