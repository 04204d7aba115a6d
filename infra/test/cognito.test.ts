/**
 * The Cognito issuer the JWT authorizer trusts, per partition. The stack is built as `infra/bin/app.ts`
 * builds it for `cdk synth -c account=... -c region=...`: its environment comes from context.
 */
import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { services } from '#services/index.js';
import { environmentFromContext } from '../lib/config.js';
import { PlatformStack } from '../lib/platform-stack.js';
import { onlyResource, synthesize } from './support/platform.js';

const cdkJsonContext = (JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context?: Record<string, unknown> })
  .context ?? {};

/** The template `cdk synth -c account=<account> -c region=<region>` gives (bundling skipped). */
const synthesizeIn = (account: string, region: string): Template => {
  const app = new App({ context: { ...cdkJsonContext, account, region, 'aws:cdk:bundling-stacks': [] } });
  const env = environmentFromContext(app);
  const stack = new PlatformStack(app, 'CleanGovernance', { services, ...(env === undefined ? {} : { env }) });
  return Template.fromStack(stack);
};

/**
 * An issuer value as CloudFormation would resolve it in `region`: a string, or an `Fn::Join` of
 * strings, `Ref`s to the region and URL-suffix pseudo parameters, and the pool's `Ref`, which is kept as
 * `<pool ref>` since its value exists only after deployment.
 */
const resolveIssuer = (value: unknown, region: string, urlSuffix: string, poolId: string): string => {
  if (typeof value === 'string') return value;
  const ref = (value as { Ref?: unknown }).Ref;
  if (ref === 'AWS::Region') return region;
  if (ref === 'AWS::URLSuffix') return urlSuffix;
  if (ref === poolId) return '<pool ref>';
  const join = (value as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  if (join === undefined) throw new Error(`Unexpected issuer part ${JSON.stringify(value)}`);
  return join[1].map((part) => resolveIssuer(part, region, urlSuffix, poolId)).join(join[0]);
};

describe('Cognito issuer of the JWT authorizer', () => {
  it.each([
    ['ap-east-1', 'https://cognito-idp.ap-east-1.amazonaws.com/<pool ref>'],
    ['us-east-1', 'https://cognito-idp.us-east-1.amazonaws.com/<pool ref>'],
  ])('in %s is %s, written out in the template', (region, expected) => {
    // Act
    const template = synthesizeIn('123456789012', region);

    // Assess
    const [poolId] = onlyResource(template, 'AWS::Cognito::UserPool');
    const [, authorizer] = onlyResource(template, 'AWS::ApiGatewayV2::Authorizer');
    const issuer: unknown = authorizer.Properties.JwtConfiguration.Issuer;
    // No pseudo parameter left: the suffix is decided at synth time for a known region.
    expect(JSON.stringify(issuer)).not.toContain('AWS::');
    expect(resolveIssuer(issuer, 'unused', 'unused', poolId)).toBe(expected);
  });

  it('in an environment-agnostic stack takes region and URL suffix from pseudo parameters, so it is right in any partition', () => {
    // Act
    const template = synthesize();

    // Assess
    const [poolId] = onlyResource(template, 'AWS::Cognito::UserPool');
    const [, authorizer] = onlyResource(template, 'AWS::ApiGatewayV2::Authorizer');
    const issuer: unknown = authorizer.Properties.JwtConfiguration.Issuer;
    expect(issuer).toEqual({
      'Fn::Join': ['', ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }, '/', { Ref: poolId }]],
    });
    expect(resolveIssuer(issuer, 'cn-north-1', 'amazonaws.com.cn', poolId)).toBe('https://cognito-idp.cn-north-1.amazonaws.com.cn/<pool ref>');
    expect(resolveIssuer(issuer, 'us-east-1', 'amazonaws.com', poolId)).toBe('https://cognito-idp.us-east-1.amazonaws.com/<pool ref>');
  });
});
