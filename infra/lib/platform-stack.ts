/** The platform stack: shared network, Kafka and HTTP API, the web app, and one construct per service manifest. */
import { CfnOutput, NestedStack, Stack, Token, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { ServiceManifest } from '#shared/manifest.js';
import { availabilityZonesFromContext, readPlatformConfig, type PlatformConfig } from './config.js';
import { Network } from './network.js';
import { PlatformApi } from './platform-api.js';
import { ServerlessKafka } from './serverless-kafka.js';
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
 * Everything the platform deploys: a VPC, an MSK Serverless cluster, one HTTP API with a JWT
 * authorizer, the web app behind CloudFront (ADR 0018) and, per manifest, a {@link ServiceConstruct} in a nested stack of its own. A service's
 * functions, roles, log groups, tables and event sources count against its own stack's limit of 500
 * resources rather than the platform's (a service has about seven resources per function); the
 * routes stay in the platform stack beside the API (ADR 0015).
 */
export class PlatformStack extends Stack {
  /** Network shared by functions and the cluster. */
  readonly network: Network;
  /** The Kafka cluster. */
  readonly kafka: ServerlessKafka;
  /** The HTTP API. */
  readonly api: PlatformApi;
  /** The services by name. */
  readonly services: ReadonlyMap<string, ServiceConstruct>;
  /** The web app, with the API on its origin. */
  readonly web: WebApp;

  /**
   * The zones the VPC spreads over: with a known account and region, the context's or the region's
   * first two, never a lookup in the account, so that `cdk synth -c account=… -c region=…` works
   * offline; otherwise CDK's own.
   */
  override get availabilityZones(): string[] {
    const known = (value: string) => (Token.isUnresolved(value) ? undefined : value);
    const account = known(this.account);
    const region = known(this.region);
    return availabilityZonesFromContext(this, { ...(account ? { account } : {}), ...(region ? { region } : {}) }) ?? super.availabilityZones;
  }

  constructor(scope: Construct, id: string, props: PlatformStackProps) {
    super(scope, id, props);
    const config = props.config ?? readPlatformConfig(this);
    this.network = new Network(this, 'Network');
    this.kafka = new ServerlessKafka(this, 'Kafka', {
      vpc: this.network.vpc,
      subnets: this.network.privateSubnets,
      clients: this.network.functionSecurityGroup,
    });
    this.api = new PlatformApi(this, 'Api', config.jwt === undefined ? {} : { jwt: config.jwt });
    // Before the routes: the web app's client is one more audience of the API's authorizer.
    this.web = new WebApp(this, 'Web', { api: this.api, ...(config.webClientId ? { clientId: config.webClientId } : {}), ...(config.authDomainPrefix ? { authDomainPrefix: config.authDomainPrefix } : {}) });

    const services = new Map<string, ServiceConstruct>();
    for (const manifest of props.services) {
      services.set(
        manifest.name,
        new ServiceConstruct(new NestedStack(this, `${manifest.name}-stack`, { description: `Service ${manifest.name}: its tables, buckets, keys, functions and triggers` }), manifest.name, {
          manifest,
          vpc: this.network.vpc,
          subnets: this.network.privateSubnets,
          functionSecurityGroup: this.network.functionSecurityGroup,
          kafka: this.kafka,
          api: this.api,
          publicBaseUrl: `https://${this.web.distribution.distributionDomainName}`,
        }),
      );
    }
    this.services = services;

    new CfnOutput(this, 'ApiUrl', { value: this.api.httpApi.apiEndpoint, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'WebUrl', { value: `https://${this.web.distribution.distributionDomainName}`, description: 'The web app, with the API under /api on the same origin' });
    const identity = this.api.userPool;
    if (identity !== undefined) {
      new CfnOutput(this, 'UserPoolId', { value: identity.userPool.userPoolId, description: 'Cognito user pool of the API' });
      new CfnOutput(this, 'UserPoolClientId', { value: identity.client.userPoolClientId, description: 'App client (token audience)' });
    }
  }
}
