/**
 * The VPC of a stack with an account and a region (the README's deploy example) synthesizes
 * offline: its zones come from context or the region's usual names, never from a lookup in the
 * account that `cdk synth` would need credentials for. An environment-agnostic stack keeps
 * CloudFormation's `Fn::GetAZs`.
 */
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { services } from '#services/index.js';
import { PlatformStack } from '../lib/platform-stack.js';

const subnetZones = (context: Record<string, unknown>, env?: { account: string; region: string }) => {
  const app = new App({ context: { ...context, 'aws:cdk:bundling-stacks': [] } });
  const stack = new PlatformStack(app, 'CleanGovernance', { services, ...(env ? { env } : {}) });
  const zones = Object.values(Template.fromStack(stack).findResources('AWS::EC2::Subnet')).map((s) => (s as { Properties: { AvailabilityZone: unknown } }).Properties.AvailabilityZone);
  return { zones, missing: app.synth().manifest.missing ?? [] };
};

describe('the VPC’s availability zones', () => {
  it('are the region’s first two by name for a stack with an account and a region, with no lookup left to do', () => {
    // Act
    const { zones, missing } = subnetZones({}, { account: '123456789012', region: 'cn-north-1' });

    // Assess
    expect([...new Set(zones)].sort()).toEqual(['cn-north-1a', 'cn-north-1b']);
    expect(missing).toEqual([]);
  });

  it('are the ones the context names when it names them', () => {
    const { zones, missing } = subnetZones({ availabilityZones: 'cn-northwest-1b,cn-northwest-1c' }, { account: '123456789012', region: 'cn-northwest-1' });
    expect([...new Set(zones)].sort()).toEqual(['cn-northwest-1b', 'cn-northwest-1c']);
    expect(missing).toEqual([]);
  });

  it('are CloudFormation’s Fn::GetAZs for an environment-agnostic stack', () => {
    const { zones } = subnetZones({});
    expect(JSON.stringify(zones)).toContain('Fn::GetAZs');
  });
});
