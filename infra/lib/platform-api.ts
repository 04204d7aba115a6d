/** The one HTTP API in front of every service, with a JWT authorizer. */
import { CfnParameter, Fn, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { Construct } from 'constructs';
import type { HttpTrigger } from '#shared/manifest.js';
import type { JwtConfig } from './config.js';
import { acknowledgePublicRoute, acknowledgeUserPool } from './nag.js';

/** Props of {@link PlatformApi}. */
export interface PlatformApiProps {
  /** An external issuer; without it a Cognito user pool is created and used. */
  readonly jwt?: JwtConfig;
  /** Steady-state requests a second and burst of the whole API (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-throttling.html). */
  readonly throttle?: { readonly rateLimit: number; readonly burstLimit: number };
  /** Days the access log keeps. */
  readonly logRetentionDays?: number;
}

/**
 * The issuer and audience as parameters given at deployment (`cdk deploy --parameters
 * JwtIssuer=… --parameters JwtAudience=…`): for the China regions, which have no Cognito user pools
 * (https://docs.amazonaws.cn/en_us/aws/latest/userguide/cognito.html), when the context names no
 * issuer. Any OIDC provider whose tokens carry the role and unit claims serves.
 */
export const jwtFromParameters = (scope: Construct): JwtConfig & { readonly webClientId: string } => {
  const issuer = new CfnParameter(scope, 'JwtIssuer', {
    type: 'String',
    description: 'The OIDC issuer whose tokens the API accepts (https://…), e.g. the provincial unified identity platform',
    allowedPattern: '^https://\\S+$',
  });
  const audience = new CfnParameter(scope, 'JwtAudience', {
    type: 'CommaDelimitedList',
    description: 'Accepted audiences (client ids); the first is the web app’s client',
  });
  return { issuer: issuer.valueAsString, audience: audience.valueAsList, webClientId: Fn.select(0, audience.valueAsList) };
};

/**
 * A Cognito user pool whose ID tokens carry the `custom:role` and `custom:unit` claims the
 * services authorize on, and an app client; used when no external issuer is configured.
 */
export class PlatformUserPool extends Construct {
  /** The user pool. */
  readonly userPool: cognito.UserPool;
  /** The app client; its id is the token audience. */
  readonly client: cognito.UserPoolClient;
  /** Issuer and audience of this pool's tokens. */
  readonly jwt: JwtConfig;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.userPool = new cognito.UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { username: true },
      // Cadres' accounts hold personal records: long passwords and a second factor (an authenticator app).
      passwordPolicy: { minLength: 12, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: true },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      customAttributes: {
        role: new cognito.StringAttribute({ mutable: true }),
        unit: new cognito.StringAttribute({ mutable: true }),
      },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledgeUserPool(this.userPool);
    this.client = this.userPool.addClient('Client', {
      authFlows: { userSrp: true },
      generateSecret: false,
      // By default an app client may write every mutable attribute, which would let users change
      // their own custom:role; only administrators may set role and unit
      // (https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html#user-pool-settings-attribute-permissions-and-scopes).
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true, fullname: true }),
    });
    const stack = Stack.of(this);
    this.jwt = {
      issuer: `https://cognito-idp.${stack.region}.${urlSuffixOf(stack)}/${this.userPool.userPoolId}`,
      audience: [this.client.userPoolClientId],
    };
  }
}

/**
 * The domain suffix of the stack's partition: `amazonaws.com`, or `amazonaws.com.cn` in the China
 * regions, where the Cognito issuer is `https://cognito-idp.<region>.amazonaws.com.cn/<pool id>`.
 * A stack with a known region gets the literal; an environment-agnostic stack (or a region CDK
 * does not know) gets the `AWS::URLSuffix` pseudo parameter, which CloudFormation fills in at deploy
 * time (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/pseudo-parameter-reference.html#cfn-pseudo-param-urlsuffix).
 */
const urlSuffixOf = (stack: Stack): string =>
  (Token.isUnresolved(stack.region) ? undefined : RegionInfo.get(stack.region).domainSuffix) ?? stack.urlSuffix;

/**
 * One `HttpApi` for all services. Every route goes through the same JWT authorizer; role checks
 * happen in the handlers, as the manifest's `roles` say.
 */
export class PlatformApi extends Construct {
  /** The HTTP API. */
  readonly httpApi: apigwv2.HttpApi;
  /** The Cognito pool, when no external issuer was configured. */
  readonly userPool?: PlatformUserPool;
  /** The issuer and audience the authorizer accepts. */
  readonly jwt: JwtConfig;
  private readonly audience: string[];
  private jwtAuthorizer?: apigwv2.IHttpRouteAuthorizer;
  private readonly integrations = new Map<lambda.IFunction, HttpLambdaIntegration>();
  private readonly routeOwners = new Map<string, string>();

  constructor(scope: Construct, id: string, props: PlatformApiProps = {}) {
    super(scope, id);
    let jwt = props.jwt;
    if (jwt === undefined) {
      this.userPool = new PlatformUserPool(this, 'Identity');
      jwt = this.userPool.jwt;
    }
    this.jwt = jwt;
    this.audience = [...jwt.audience];
    this.httpApi = new apigwv2.HttpApi(this, 'HttpApi', {
      description: 'Clean-governance platform API',
      createDefaultStage: false,
    });
    // The default stage, throttled as a whole, with an access log of every request.
    const accessLog = new logs.LogGroup(this, 'AccessLog', { retention: (props.logRetentionDays ?? 90) as logs.RetentionDays, removalPolicy: RemovalPolicy.DESTROY });
    this.httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      ...(props.throttle ? { throttle: props.throttle } : {}),
      accessLogSettings: { destination: new apigwv2.LogGroupLogDestination(accessLog) },
    });
  }

  /**
   * Accepts tokens issued to one more client (the web app's), until the first route is added: the
   * authorizer is made then, with every audience accepted so far.
   */
  addAudience(clientId: string): void {
    if (this.jwtAuthorizer !== undefined) throw new Error('Add audiences before the first route: the JWT authorizer already exists.');
    this.audience.push(clientId);
  }

  /**
   * The JWT authorizer every non-public route uses, made in this stack on first use. The routes
   * themselves are made in their service's nested stack, so that 150 routes (three resources
   * each: route, integration, permission) do not crowd CloudFormation's 500 resources of the
   * parent stack.
   */
  get authorizer(): apigwv2.IHttpRouteAuthorizer {
    if (this.jwtAuthorizer === undefined) {
      const made = new apigwv2.HttpAuthorizer(this, 'JwtAuthorizer', {
        httpApi: this.httpApi,
        type: apigwv2.HttpAuthorizerType.JWT,
        identitySource: ['$request.header.Authorization'],
        jwtIssuer: this.jwt.issuer,
        jwtAudience: [...this.audience],
        authorizerName: 'JwtAuthorizer',
      });
      this.jwtAuthorizer = { bind: () => ({ authorizerId: made.authorizerId, authorizationType: 'JWT' }) };
    }
    return this.jwtAuthorizer;
  }

  /**
   * Adds the route an http trigger declares, in `scope` (the service's construct), integrated with
   * `fn` and protected by the JWT authorizer unless public. `owner` (the function's qualified name)
   * only serves error messages.
   */
  addRoute(scope: Construct, owner: string, fn: lambda.IFunction, trigger: HttpTrigger): void {
    const routeKey = `${trigger.method} ${trigger.path}`;
    const previous = this.routeOwners.get(routeKey);
    if (previous !== undefined) {
      throw new Error(`Route "${routeKey}" is declared by both ${previous} and ${owner}.`);
    }
    this.routeOwners.set(routeKey, owner);
    const route = new apigwv2.HttpRoute(scope, `${trigger.method}${trigger.path}`, {
      httpApi: this.httpApi,
      routeKey: apigwv2.HttpRouteKey.with(trigger.path, apigwv2.HttpMethod[trigger.method]),
      integration: this.integrationFor(owner, fn),
      // A public route (the public site, complaint intake) has no authorizer; its function reads no claims.
      authorizer: trigger.public ? new apigwv2.HttpNoneAuthorizer() : this.authorizer,
    });
    if (trigger.public) acknowledgePublicRoute(route);
  }

  private integrationFor(owner: string, fn: lambda.IFunction): HttpLambdaIntegration {
    let integration = this.integrations.get(fn);
    if (integration === undefined) {
      integration = new HttpLambdaIntegration(`${owner}-integration`, fn);
      this.integrations.set(fn, integration);
    }
    return integration;
  }
}
