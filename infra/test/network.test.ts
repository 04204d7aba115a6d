/**
 * The network: a VPC without NAT, whose zones never come from a lookup in the account (which
 * `cdk synth -c account=… -c region=…` would need credentials for) nor are written into the
 * template unless the context names them.
 */
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { services } from '#services/index.js';
import { qualifiedName } from '#shared/manifest.js';
import { PlatformStack } from '../lib/platform-stack.js';
import { functionNamesById, resourcesOf, synthesize } from './support/platform.js';

const subnetZones = (context: Record<string, unknown>, env?: { account: string; region: string }) => {
  const app = new App({ context: { ...context, 'aws:cdk:bundling-stacks': [] } });
  const stack = new PlatformStack(app, 'CleanGovernance', { services, ...(env ? { env } : {}) });
  const zones = Object.values(Template.fromStack(stack).findResources('AWS::EC2::Subnet')).map((s) => (s as { Properties: { AvailabilityZone: unknown } }).Properties.AvailabilityZone);
  return { zones, missing: app.synth().manifest.missing ?? [] };
};

describe('the VPC’s availability zones', () => {
  it('are the region’s first two by Fn::GetAZs for a stack with an account and a region, with no lookup left to do', () => {
    // Act
    const { zones, missing } = subnetZones({}, { account: '123456789012', region: 'cn-north-1' });

    // Assess
    expect(zones).toEqual([0, 1].map((index) => ({ 'Fn::Select': [index, { 'Fn::GetAZs': '' }] })));
    expect(missing).toEqual([]);
  });

  it('are the ones the context names when it names them', () => {
    const { zones, missing } = subnetZones({ availabilityZones: 'cn-northwest-1b,cn-northwest-1c' }, { account: '123456789012', region: 'cn-northwest-1' });
    expect([...new Set(zones)].sort()).toEqual(['cn-northwest-1b', 'cn-northwest-1c']);
    expect(missing).toEqual([]);
  });
});

describe('the network', () => {
  it('has no NAT gateway and no internet gateway: two isolated subnets, and endpoints for DynamoDB, S3, STS, KMS and Lambda', () => {
    // Act
    const template = synthesize();

    // Assess
    template.resourceCountIs('AWS::EC2::NatGateway', 0);
    template.resourceCountIs('AWS::EC2::InternetGateway', 0);
    template.resourceCountIs('AWS::EC2::Subnet', 2);
    for (const subnet of Object.values(resourcesOf(template, 'AWS::EC2::Subnet'))) expect(subnet.Properties.MapPublicIpOnLaunch).toBe(false);
    for (const route of Object.values(resourcesOf(template, 'AWS::EC2::Route'))) expect(route.Properties.DestinationCidrBlock).not.toBe('0.0.0.0/0');
    const services = Object.values(resourcesOf(template, 'AWS::EC2::VPCEndpoint')).map((e) => JSON.stringify(e.Properties.ServiceName));
    for (const service of ['.dynamodb', '.s3', '.sts', '.kms', '.lambda']) expect(services.filter((s) => s.includes(`${service}"`))).toHaveLength(1);
  });

  it('holds only the functions that use Kafka: the relays and the consumers', () => {
    // Prepare
    const template = synthesize();
    const names = functionNamesById(template);

    // Act
    const inVpc = [...names].filter(([id]) => resourcesOf(template, 'AWS::Lambda::Function')[id]?.Properties.VpcConfig !== undefined).map(([, name]) => name);

    // Assess
    const expected = services.flatMap((service) =>
      Object.entries(service.functions)
        .filter(([, spec]) => spec.triggers.some((t) => t.type === 'kafka' || (t.type === 'stream' && t.kindFilter === 'outbox')))
        .map(([fn]) => qualifiedName(service.name, fn)),
    );
    expect(expected.length).toBeGreaterThan(5);
    expect(inVpc.sort()).toEqual(expected.sort());
  });
});
