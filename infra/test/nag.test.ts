/**
 * cdk-nag's AwsSolutions rules over the whole stack, nested stacks included: no finding that is
 * not acknowledged with its reason (`infra/lib/nag.ts`). cdk-nag 3 reports through CDK's validation
 * plugins, so synthesis throws on an unacknowledged finding.
 */
import { readFileSync } from 'node:fs';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { AwsSolutionsChecks } from 'cdk-nag';
import { services } from '#services/index.js';
import { environmentFromContext } from '../lib/config.js';
import { PlatformStack } from '../lib/platform-stack.js';

const cdkJsonContext = (JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context?: Record<string, unknown> }).context ?? {};

/** Synthesizes the app with the AwsSolutions pack; throws with the report on any finding left. */
const synthesizeWithNag = (context: Record<string, unknown>): void => {
  const app = new App({ context: { ...cdkJsonContext, ...context, 'aws:cdk:bundling-stacks': [] } });
  const env = environmentFromContext(app);
  new PlatformStack(app, 'CleanGovernance', { services, ...(env === undefined ? {} : { env }) });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  app.synth();
};

describe('cdk-nag AwsSolutions', () => {
  it.each([
    ['the default (dev) stack', {}],
    ['the prod stack with an external issuer', { stage: 'prod', jwtIssuer: 'https://id.example.gov.cn/realms/cg', jwtAudience: 'cg-web' }],
    ['the China stack', { partition: 'aws-cn', account: '123456789012', webDomain: 'qlzr.example.gov.cn', webCertificateId: 'ASCAEXAMPLE' }],
    ['the LocalStack stack', { target: 'localstack' }],
  ])('finds nothing unacknowledged in %s', (_, context) => {
    // Act
    const act = () => synthesizeWithNag(context);

    // Assess
    expect(act).not.toThrow();
  });

  it('would fail on a finding: the pack is on', () => {
    // Prepare
    const app = new App();
    const stack = new Stack(app, 'Probe');
    const group = new ec2.SecurityGroup(stack, 'Open', { vpc: new ec2.Vpc(stack, 'Vpc', { natGateways: 0 }) });
    group.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(22));
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

    // Act
    const act = () => app.synth();

    // Assess
    expect(act).toThrow(/AwsSolutions-EC23/);
  });
});
