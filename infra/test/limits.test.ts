/**
 * CloudFormation takes at most 500 resources a stack
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html): each
 * stack of the platform, nested ones included, keeps a margin of 10% for what the services add next.
 */
import { App, NestedStack, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { services } from '#services/index.js';
import { PlatformStack } from '../lib/platform-stack.js';

describe('stack sizes', () => {
  it('stay under 450 resources in every stack, for each partition', () => {
    for (const context of [{}, { partition: 'aws-cn' }]) {
      // Act
      const app = new App({ context: { ...context, 'aws:cdk:bundling-stacks': [] } });
      const stack = new PlatformStack(app, 'CleanGovernance', { services });
      const stacks: Stack[] = [stack, ...stack.node.children.filter((child): child is NestedStack => child instanceof NestedStack)];
      const sizes = stacks.map((s) => [s.node.path, Object.keys(Template.fromStack(s).toJSON().Resources as object).length] as const);

      // Assess
      expect(sizes.length).toBe(1 + 2 * services.length);
      for (const [name, size] of sizes) expect({ name, size, under: size < 450 }).toEqual({ name, size, under: true });
    }
  });
});
