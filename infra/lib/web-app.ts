/**
 * The web app in AWS (docs/adr/0018-web-app.md): the files Vite builds, in a private S3 bucket
 * behind CloudFront (origin access control), with `/api/*` routed to the HTTP API on the same origin
 * so that the token never crosses origins. A copy of `index.html` sits at each of the app's paths,
 * since a distribution-wide error page would also answer the API's own 403 and 404. `config.json`
 * names the OIDC issuer and the app's client; with the Cognito pool, the stack adds a public client
 * for the authorization code flow with PKCE and a hosted sign-in domain.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Duration, Fn, Names, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { appPaths, callbackPath } from '#services/dashboard/web/src/paths.js';
import type { PlatformApi } from './platform-api.js';
import { repoRoot } from './paths.js';

/** Where `vite build` writes the app. */
export const webDist = path.join(repoRoot, 'services/dashboard/web/dist');

/** Builds the app when it has not been built, as `npm start` would. */
const ensureBuilt = (): void => {
  if (existsSync(path.join(webDist, 'index.html'))) return;
  const vite = path.join(repoRoot, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn', 'services/dashboard/web'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('The web app could not be built (vite build failed)');
};

/** Props of {@link WebApp}. */
export interface WebAppProps {
  readonly api: PlatformApi;
  /**
   * The client the app signs in as, with an external issuer; by default the first audience the
   * API accepts. Ignored with the Cognito pool, for which a client is made.
   */
  readonly clientId?: string;
  /** The Cognito hosted sign-in domain's prefix (globally unique); by default one derived from the stack. */
  readonly authDomainPrefix?: string;
  /** In the China regions CloudFront has no origin access control and serves only an ICP-recorded domain. */
  readonly partition?: 'aws' | 'aws-cn';
  /** In China, the app's ICP-recorded domain and the id of its IAM server certificate (elsewhere not used yet). */
  readonly domain?: { readonly domainName: string; readonly iamCertificateId?: string };
  /** Where the files bucket's access logs go. */
  readonly accessLogs?: s3.IBucket;
}

/** The app's bucket, distribution and sign-in client. */
export class WebApp extends Construct {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  /** The OIDC client the app uses. */
  readonly clientId: string;
  /** What `config.json` says: the issuer and the client the app signs in with. */
  readonly config: { readonly auth: { readonly mode: 'oidc'; readonly issuer: string; readonly clientId: string; readonly scope: string } };

  constructor(scope: Construct, id: string, props: WebAppProps) {
    super(scope, id);
    ensureBuilt();
    const stack = Stack.of(this);
    this.bucket = new s3.Bucket(this, 'Files', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
      ...(props.accessLogs ? { serverAccessLogsBucket: props.accessLogs, serverAccessLogsPrefix: 'web/' } : {}),
    });
    const china = props.partition === 'aws-cn';

    const issuerOrigin = Fn.select(0, Fn.split('/', Fn.select(1, Fn.split('://', props.api.jwt.issuer))));
    const headers = new cloudfront.ResponseHeadersPolicy(this, 'Headers', {
      comment: 'The web app: its own scripts only; API, uploads and sign-in by HTTPS',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: Fn.join('', [
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; ",
            `connect-src 'self' https://*.${stack.urlSuffix} https://*.amazoncognito.com https://`,
            issuerOrigin,
            "; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
          ]),
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.SAME_ORIGIN, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
      },
    });
    // China: an origin access identity, since origin access control is not offered there
    // (CloudFormation has no AWS::CloudFront::OriginAccessControl in cn-north-1), HTTP/2, and the
    // ICP-recorded domain with its IAM server certificate, without which CloudFront China serves
    // nothing (https://docs.amazonaws.cn/en_us/aws/latest/userguide/cloudfront.html).
    const chinaDomain = china ? props.domain : undefined;
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Clean-governance web app and API',
      defaultRootObject: 'index.html',
      httpVersion: china ? cloudfront.HttpVersion.HTTP2 : cloudfront.HttpVersion.HTTP2_AND_3,
      defaultBehavior: {
        origin: china ? origins.S3BucketOrigin.withOriginAccessIdentity(this.bucket) : origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        compress: true,
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new origins.HttpOrigin(Fn.parseDomainName(props.api.httpApi.apiEndpoint), { protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY }),
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          compress: true,
        },
      },
    });
    if (chinaDomain !== undefined) {
      const distribution = this.distribution.node.defaultChild as cloudfront.CfnDistribution;
      distribution.addPropertyOverride('DistributionConfig.Aliases', [chinaDomain.domainName]);
      if (chinaDomain.iamCertificateId !== undefined) {
        distribution.addPropertyOverride('DistributionConfig.ViewerCertificate', {
          IamCertificateId: chinaDomain.iamCertificateId,
          SslSupportMethod: 'sni-only',
          MinimumProtocolVersion: 'TLSv1.2_2021',
        });
      }
    }
    const origin = `https://${chinaDomain?.domainName ?? this.distribution.distributionDomainName}`;

    const identity = props.api.userPool;
    if (identity !== undefined) {
      const client = identity.userPool.addClient('WebClient', {
        generateSecret: false,
        authFlows: {},
        oAuth: {
          flows: { authorizationCodeGrant: true },
          scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.PROFILE],
          callbackUrls: [`${origin}${callbackPath}`],
          logoutUrls: [`${origin}/sign-in`],
        },
        preventUserExistenceErrors: true,
        // As for the API's client: only administrators set role and unit.
        writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true, fullname: true }),
      });
      const prefix = (props.authDomainPrefix ?? `cg-${Names.uniqueResourceName(this, { maxLength: 40, separator: '-' })}`).toLowerCase().replace(/[^a-z0-9-]/g, '');
      identity.userPool.addDomain('SignInDomain', { cognitoDomain: { domainPrefix: prefix } });
      props.api.addAudience(client.userPoolClientId);
      this.clientId = client.userPoolClientId;
    } else {
      const clientId = props.clientId ?? props.api.jwt.audience[0];
      if (clientId === undefined) throw new Error('The web app needs a client id: give context "webClientId" or an audience.');
      this.clientId = clientId;
    }

    const index = readFileSync(path.join(webDist, 'index.html'), 'utf8');
    const deploy = (id: string, sources: s3deploy.ISource[], options: { contentType?: string; cacheControl: s3deploy.CacheControl[]; prefix?: string }) =>
      new s3deploy.BucketDeployment(this, id, {
        destinationBucket: this.bucket,
        sources,
        prune: false,
        cacheControl: options.cacheControl,
        ...(options.contentType ? { contentType: options.contentType } : {}),
        ...(options.prefix ? { destinationKeyPrefix: options.prefix } : {}),
        distribution: this.distribution,
        distributionPaths: ['/index.html', '/config.json', ...appPaths],
      });
    // Hashed files never change: cached for a year. Pages and the configuration: checked every time.
    deploy('Assets', [s3deploy.Source.asset(path.join(webDist, 'assets'))], { prefix: 'assets/', cacheControl: [s3deploy.CacheControl.fromString('public, max-age=31536000, immutable')] });
    deploy('Pages', [s3deploy.Source.data('index.html', index), ...appPaths.map((p) => s3deploy.Source.data(p.slice(1), index))], {
      contentType: 'text/html; charset=utf-8',
      cacheControl: [s3deploy.CacheControl.noCache()],
    });
    this.config = { auth: { mode: 'oidc', issuer: props.api.jwt.issuer, clientId: this.clientId, scope: 'openid profile' } };
    deploy('Config', [s3deploy.Source.jsonData('config.json', this.config)], {
      contentType: 'application/json',
      cacheControl: [s3deploy.CacheControl.noCache()],
    });
  }
}
