/**
 * The failure handling of the Kafka event source mappings: no record can block a partition for
 * ever, because a batch that keeps failing is retried a bounded number of times and then parked on
 * an on-failure destination (docs/adr/0007-aws-event-shapes-and-poison-records.md).
 * https://docs.aws.amazon.com/lambda/latest/dg/kafka-retry-configurations.html
 */
import { services } from '#services/index.js';
import { triggersOf } from '#shared/manifest.js';
import { dlqTopic } from '#events/topics.js';
import { functionNamesById, onlyResource, referencedId, resourcesOf, roleStatementsOf, synthesize, type CfnResource } from './support/platform.js';

/** Every event source mapping on the MSK cluster. */
const kafkaMappings = (): CfnResource[] => {
  const template = synthesize();
  const [clusterId] = onlyResource(template, 'AWS::MSK::Cluster');
  return Object.values(resourcesOf(template, 'AWS::Lambda::EventSourceMapping')).filter(
    (mapping) => mapping.Properties.Topics !== undefined || referencedId(mapping.Properties.EventSourceArn) === clusterId,
  );
};

describe('Kafka event source mappings', () => {
  it('exist for every kafka trigger of the manifests', () => {
    // Prepare
    const triggers = services.reduce((count, service) => count + triggersOf(service, 'kafka').length, 0);

    // Act
    const mappings = kafkaMappings();

    // Assess
    expect(triggers).toBeGreaterThan(0);
    expect(mappings).toHaveLength(triggers);
  });

  it('retry a failing batch a bounded number of times, in provisioned mode, which bounded retries need', () => {
    // Act
    const mappings = kafkaMappings();

    // Assess
    for (const mapping of mappings) {
      const retries = mapping.Properties.MaximumRetryAttempts as number | undefined;
      expect(retries).toEqual(expect.any(Number));
      expect(retries).toBeGreaterThanOrEqual(0);
      expect(retries).toBeLessThanOrEqual(10_000);
      expect(mapping.Properties.ProvisionedPollerConfig).toEqual({ MinimumPollers: expect.any(Number), MaximumPollers: expect.any(Number) });
      expect(mapping.Properties.ProvisionedPollerConfig.MinimumPollers).toBeGreaterThanOrEqual(1);
    }
  });

  it("park what still fails on the dead-letter topic of the mapping's own topic, never on the topic itself", () => {
    // Act
    const mappings = kafkaMappings();

    // Assess
    for (const mapping of mappings) {
      const [topic] = mapping.Properties.Topics as [Parameters<typeof dlqTopic>[0]];
      expect(mapping.Properties.DestinationConfig).toEqual({ OnFailure: { Destination: `kafka://${dlqTopic(topic)}` } });
    }
  });

  it("are served by functions whose role may write to the cluster's topics, the dead-letter topics included", () => {
    // Prepare
    const template = synthesize();
    const names = functionNamesById(template);

    // Act
    const mappings = kafkaMappings();

    // Assess
    for (const mapping of mappings) {
      const functionId = referencedId(mapping.Properties.FunctionName) ?? 'missing';
      expect(names.has(functionId)).toBe(true);
      const statements = roleStatementsOf(template, functionId);
      const writesTopics = statements.some(
        (s) => s.Effect === 'Allow' && s.Action.includes('kafka-cluster:WriteData') && JSON.stringify(s.Resource).includes(':topic/'),
      );
      expect(writesTopics).toBe(true);
    }
  });
});
