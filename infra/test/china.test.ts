/**
 * The China regions: `cdk synth -c partition=aws-cn` passes with and without an account, with
 * CloudFormation's own template validation turned into errors, and every resource type it
 * declares is in the China allow-list (`infra/lib/china.ts`, with its sources).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { services } from '#services/index.js';
import { chinaResourceTypes } from '../lib/china.js';
import { environmentFromContext } from '../lib/config.js';
import { PlatformStack } from '../lib/platform-stack.js';

const cdkJsonContext = (JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context?: Record<string, unknown> }).context ?? {};

interface Synthesized {
  readonly stack: PlatformStack;
  /** Every template of the assembly, the nested stacks' included. */
  readonly templates: Array<{ Resources?: Record<string, { Type: string; Properties?: Record<string, unknown> }>; Parameters?: Record<string, unknown> }>;
}

/**
 * CloudFormation's validation at synthesis (`@aws-cdk/cloudformation-validate` in aws-cdk-lib) with
 * its errors kept errors and its warnings made errors too: synthesis throws on any finding.
 */
const strictValidation = { '@aws-cdk/core:validateAgainstDefaultRules': true, '@aws-cdk/core:strictCfnValidateErrors': true };

/** Synthesizes as `cdk synth` would with the given context; any validation finding throws. */
const synthesizeChina = (context: Record<string, unknown>): Synthesized => {
  const outdir = mkdtempSync(path.join(tmpdir(), 'cg-china-'));
  try {
    const app = new App({ outdir, context: { ...cdkJsonContext, ...context, 'aws:cdk:bundling-stacks': [], ...strictValidation } });
    const env = environmentFromContext(app);
    const stack = new PlatformStack(app, 'CleanGovernance', { services, ...(env === undefined ? {} : { env }) });
    app.synth();
    const templates = readdirSync(outdir)
      .filter((f) => f.endsWith('.template.json'))
      .map((f) => JSON.parse(readFileSync(path.join(outdir, f), 'utf8')) as Synthesized['templates'][number]);
    return { stack, templates };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
};

const typesOf = (templates: Synthesized['templates']): string[] =>
  [...new Set(templates.flatMap((t) => Object.values(t.Resources ?? {}).map((r) => r.Type)))].sort();

describe('the China regions (-c partition=aws-cn)', () => {
  it.each([
    ['without an account', { partition: 'aws-cn' }, 'cn-north-1'],
    ['with an account', { partition: 'aws-cn', account: '123456789012' }, 'cn-north-1'],
    ['in Ningxia with an account', { partition: 'aws-cn', account: '123456789012', region: 'cn-northwest-1' }, 'cn-northwest-1'],
  ])('synthesize %s with no validation finding, in the region', (_, context, region) => {
    // Act
    const { stack, templates } = synthesizeChina(context);

    // Assess
    expect(stack.region).toBe(region);
    expect(stack.partitionName).toBe('aws-cn');
    // The platform, and per service its stack and its alarms' stack.
    expect(templates.length).toBe(1 + 2 * services.length);
  });

  it('would fail on a type the region does not have: the validation is on', () => {
    // Prepare
    const app = new App({ context: { ...strictValidation } });
    const stack = new Stack(app, 'Probe', { env: { region: 'cn-north-1' } });
    new cognito.UserPool(stack, 'Pool');

    // Act
    const act = () => app.synth();

    // Assess
    expect(act).toThrow(/AWS::Cognito::UserPool.*does not exist in 'cn-north-1'/s);
  });

  it('declare only resource types of the China allow-list', () => {
    // Act
    const { templates } = synthesizeChina({ partition: 'aws-cn', account: '123456789012' });

    // Assess
    const types = typesOf(templates);
    expect(types.length).toBeGreaterThan(20);
    expect(types.filter((type) => !(type in chinaResourceTypes) && !type.startsWith('Custom::'))).toEqual([]);
  });

  it('use no Cognito, no Function URL, no X-Ray tracing and no SES; sign in by the issuer given at deployment; send SMS through a domestic provider', () => {
    // Act
    const { templates } = synthesizeChina({ partition: 'aws-cn' });

    // Assess
    const types = typesOf(templates);
    expect(types.filter((t) => t.startsWith('AWS::Cognito::') || t === 'AWS::Lambda::Url')).toEqual([]);
    const functions = templates.flatMap((t) => Object.values(t.Resources ?? {}).filter((r) => r.Type === 'AWS::Lambda::Function'));
    expect(functions.length).toBeGreaterThan(20);
    for (const fn of functions) expect((fn.Properties?.TracingConfig as { Mode?: string } | undefined)?.Mode).not.toBe('Active');
    const text = JSON.stringify(templates);
    expect(text).not.toContain('ses:SendEmail');
    expect(text).toContain('"SMS_PROVIDER":"aliyun"');
    expect(text).toContain('"EMAIL_PROVIDER":"none"');
    const parameters = Object.assign({}, ...templates.map((t) => t.Parameters ?? {})) as Record<string, { Type: string }>;
    expect(parameters.JwtIssuer?.Type).toBe('String');
    expect(parameters.JwtAudience?.Type).toBe('CommaDelimitedList');
  });

  it('keep the Kafka mappings out of provisioned mode, which is not offered there', () => {
    // Act
    const { templates } = synthesizeChina({ partition: 'aws-cn' });

    // Assess
    const mappings = templates.flatMap((t) => Object.values(t.Resources ?? {}).filter((r) => r.Type === 'AWS::Lambda::EventSourceMapping' && r.Properties?.Topics !== undefined));
    expect(mappings.length).toBeGreaterThan(5);
    for (const mapping of mappings) {
      expect(mapping.Properties?.ProvisionedPollerConfig).toBeUndefined();
      expect(mapping.Properties?.DestinationConfig).toBeUndefined();
    }
  });

  it('serve the web app on the ICP-recorded domain with its IAM certificate, through an origin access identity', () => {
    // Act
    const { templates } = synthesizeChina({ partition: 'aws-cn', webDomain: 'qlzr.example.gov.cn', webCertificateId: 'ASCAEXAMPLECERTID' });

    // Assess
    const [distribution] = templates.flatMap((t) => Object.values(t.Resources ?? {}).filter((r) => r.Type === 'AWS::CloudFront::Distribution'));
    const config = distribution?.Properties?.DistributionConfig as Record<string, unknown>;
    expect(config.Aliases).toEqual(['qlzr.example.gov.cn']);
    expect(config.ViewerCertificate).toEqual({ IamCertificateId: 'ASCAEXAMPLECERTID', SslSupportMethod: 'sni-only', MinimumProtocolVersion: 'TLSv1.2_2021' });
    expect(typesOf(templates)).toContain('AWS::CloudFront::CloudFrontOriginAccessIdentity');
    expect(typesOf(templates)).not.toContain('AWS::CloudFront::OriginAccessControl');
  });
});

describe('the global partition', () => {
  it('synthesizes with an account and a region with no validation finding', () => {
    // Act
    const { stack } = synthesizeChina({ account: '123456789012', region: 'ap-east-1' });

    // Assess
    expect(stack.partitionName).toBe('aws');
  });
});
