/**
 * The web app in the CDK app (ADR 0018): a private bucket behind CloudFront with `/api/*` routed to
 * the HTTP API, uncached; `index.html` at every path of the app; `config.json` naming the issuer and
 * the app's client; with the Cognito pool, a public client for the code flow whose callback is the
 * distribution's `/auth/callback`.
 */
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { appPaths } from '#services/dashboard/web/src/paths.js';
import { services } from '#services/index.js';
import type { PlatformConfig } from '../lib/config.js';
import { PlatformStack } from '../lib/platform-stack.js';
import { onlyResource, synthesize } from './support/platform.js';

describe('the web app', () => {
  it('is a private bucket behind CloudFront, with /api/* going to the HTTP API uncached and every method allowed', () => {
    // Act
    const template = synthesize();

    // Assess
    const [bucketId, bucket] = Object.entries(template.findResources('AWS::S3::Bucket')).find(([id]) => id.startsWith('Web'))!;
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    const [, distribution] = onlyResource(template, 'AWS::CloudFront::Distribution');
    const config = distribution.Properties.DistributionConfig;
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(JSON.stringify(config.Origins)).toContain(bucketId);
    const api = config.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/api/*');
    expect(api.AllowedMethods).toEqual(expect.arrayContaining(['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS']));
    expect(api.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad'); // CachingDisabled
    const apiOrigin = config.Origins.find((o: { Id: string }) => o.Id === api.TargetOriginId);
    expect(JSON.stringify(apiOrigin.DomainName)).toContain('HttpApi');
    expect(config.CustomErrorResponses).toBeUndefined();
    const [, headers] = onlyResource(template, 'AWS::CloudFront::ResponseHeadersPolicy');
    expect(JSON.stringify(headers.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy)).toContain("script-src 'self'");
  });

  it('puts index.html at every path of the app and config.json with the issuer and the web client', () => {
    // Act
    const template = synthesize();

    // Assess
    const deployments = Object.values(template.findResources('Custom::CDKBucketDeployment'));
    const typed = (type: string) => deployments.find((d) => d.Properties.SystemMetadata?.['content-type'] === type)!;
    const pages = typed('text/html; charset=utf-8');
    expect(pages.Properties.SourceObjectKeys).toHaveLength(appPaths.length + 1);
    expect(pages.Properties.SystemMetadata['cache-control']).toBe('no-cache');
    expect(typed('application/json').Properties.SystemMetadata['cache-control']).toBe('no-cache');
    const assets = deployments.find((d) => d.Properties.DestinationBucketKeyPrefix === 'assets/')!;
    expect(assets.Properties.SystemMetadata['cache-control']).toBe('public, max-age=31536000, immutable');
    const configuration = typed('application/json');
    // The issuer and the client exist only once deployed: config.json carries them as markers.
    const markers = Object.values((configuration.Properties.SourceMarkers as Array<Record<string, { Ref: string }>>)[0]!).map((m) => m.Ref);
    expect(markers).toEqual(['AWS::Region', 'AWS::URLSuffix', expect.stringContaining('UserPool'), expect.stringContaining('WebClient')]);
  });

  it('signs in with the code flow and PKCE through a public Cognito client whose callback is the distribution’s /auth/callback', () => {
    // Act
    const template = synthesize();

    // Assess
    const [, web] = Object.entries(template.findResources('AWS::Cognito::UserPoolClient')).find(([id]) => id.includes('WebClient'))!;
    expect(web.Properties.AllowedOAuthFlows).toEqual(['code']);
    expect(web.Properties.AllowedOAuthFlowsUserPoolClient).toBe(true);
    expect(web.Properties.GenerateSecret).toBe(false);
    expect(JSON.stringify(web.Properties.CallbackURLs)).toMatch(/Distribution.*\/auth\/callback/);
    onlyResource(template, 'AWS::Cognito::UserPoolDomain');
  });

  it('with an external issuer, names its first audience as the app’s client, or the webClientId given', () => {
    // Prepare
    const external = { jwt: { issuer: 'https://id.example.gov.cn/realms/cg', audience: ['cg-web', 'cg-mobile'] } };
    const stackWith = (config: PlatformConfig) => {
      const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
      return new PlatformStack(app, 'CleanGovernance', { services, config });
    };

    // Act
    const byAudience = stackWith(external);
    const byContext = stackWith({ ...external, webClientId: 'cg-mobile' });

    // Assess
    expect(byAudience.web?.config).toEqual({ auth: { mode: 'oidc', issuer: 'https://id.example.gov.cn/realms/cg', clientId: 'cg-web', scope: 'openid profile' } });
    expect(byContext.web?.config.auth.clientId).toBe('cg-mobile');
    expect(Template.fromStack(byAudience).findResources('AWS::Cognito::UserPoolClient')).toEqual({});
  });
});
