/** Kafka, DynamoDB Streams and schedule triggers, and the network and cluster they run on. */
import { services } from '#services/index.js';
import { qualifiedName, triggersOf } from '#shared/manifest.js';
import { MSK_IAM_PORT } from '../lib/kafka-cluster.js';
import { TABLE_TAG } from '../lib/tags.js';
import {
  functionNamesById,
  onlyResource,
  referencedId,
  resourcesOf,
  sorted,
  synthesize,
  tagOf,
} from './support/platform.js';

/** The attribute of a `{ 'Fn::GetAtt': [id, attribute] }`. */
const attributeOf = (value: unknown): string | undefined =>
  (value as { 'Fn::GetAtt'?: [string, string] } | undefined)?.['Fn::GetAtt']?.[1];

describe('Kafka triggers', () => {
  it('are MSK event source mappings on their topic, consuming as the function, and there are no others', () => {
    // Prepare
    const expected = services.flatMap((service) =>
      triggersOf(service, 'kafka').map(({ functionName, trigger }) => ({
        fn: qualifiedName(service.name, functionName),
        topics: [trigger.topic],
        batchSize: trigger.batchSize,
        startingPosition: trigger.startingPosition,
        consumerGroupId: qualifiedName(service.name, functionName),
      })),
    );

    // Act
    const template = synthesize();

    // Assess
    const [clusterId] = onlyResource(template, 'AWS::MSK::Cluster');
    const names = functionNamesById(template);
    const kafkaMappings = Object.values(resourcesOf(template, 'AWS::Lambda::EventSourceMapping')).filter(
      (mapping) => mapping.Properties.Topics !== undefined || referencedId(mapping.Properties.EventSourceArn) === clusterId,
    );
    const actual = kafkaMappings.map((mapping) => {
      expect(mapping.Properties.EventSourceArn).toEqual({ 'Fn::GetAtt': [clusterId, 'Arn'] });
      return {
        fn: names.get(referencedId(mapping.Properties.FunctionName) ?? 'missing'),
        topics: mapping.Properties.Topics as string[],
        batchSize: mapping.Properties.BatchSize as number,
        startingPosition: mapping.Properties.StartingPosition as string,
        consumerGroupId: mapping.Properties.AmazonManagedKafkaEventSourceConfig?.ConsumerGroupId as string,
      };
    });
    expect(sorted(actual)).toEqual(sorted(expected));
  });
});

describe('stream triggers', () => {
  it("are DynamoDB stream mappings on the service's own table, filtered on INSERTs of the kind, with partial batch failures", () => {
    // Prepare
    const expected = services.flatMap((service) =>
      triggersOf(service, 'stream').map(({ functionName, trigger }) => ({
        fn: qualifiedName(service.name, functionName),
        table: `${service.name}.${trigger.table}`,
        batchSize: trigger.batchSize,
        pattern: { eventName: ['INSERT'], dynamodb: { NewImage: { kind: { S: [trigger.kindFilter] } } } },
      })),
    );

    // Act
    const template = synthesize();

    // Assess
    const names = functionNamesById(template);
    const tables = resourcesOf(template, 'AWS::DynamoDB::Table');
    const streamMappings = Object.values(resourcesOf(template, 'AWS::Lambda::EventSourceMapping')).filter(
      (mapping) => attributeOf(mapping.Properties.EventSourceArn) === 'StreamArn',
    );
    const actual = streamMappings.map((mapping) => {
      expect(mapping.Properties).toMatchObject({
        StartingPosition: 'TRIM_HORIZON',
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        BisectBatchOnFunctionError: false,
      });
      expect(mapping.Properties.MaximumRetryAttempts === -1 || mapping.Properties.MaximumRetryAttempts >= 1000).toBe(true);
      const filters = mapping.Properties.FilterCriteria.Filters as Array<{ Pattern: string }>;
      expect(filters).toHaveLength(1);
      const table = tables[referencedId(mapping.Properties.EventSourceArn) ?? 'missing'];
      return {
        fn: names.get(referencedId(mapping.Properties.FunctionName) ?? 'missing'),
        table: table === undefined ? undefined : tagOf(table, TABLE_TAG),
        batchSize: mapping.Properties.BatchSize as number,
        pattern: JSON.parse(filters[0]?.Pattern ?? 'null') as unknown,
      };
    });
    expect(sorted(actual)).toEqual(sorted(expected));
  });

  it('and Kafka triggers account for every event source mapping', () => {
    // Prepare
    const expectedCount = services.reduce(
      (count, service) => count + triggersOf(service, 'kafka').length + triggersOf(service, 'stream').length,
      0,
    );

    // Act
    const template = synthesize();

    // Assess
    template.resourceCountIs('AWS::Lambda::EventSourceMapping', expectedCount);
  });
});

describe('schedule triggers', () => {
  it('are EventBridge Scheduler schedules on the cron and time zone that invoke their function, and there are no others', () => {
    // Prepare
    const expected = services.flatMap((service) =>
      triggersOf(service, 'schedule').map(({ functionName, trigger }) => ({
        fn: qualifiedName(service.name, functionName),
        expression: `cron(${trigger.cron})`,
        timeZone: trigger.timeZone,
      })),
    );

    // Act
    const template = synthesize();

    // Assess
    const names = functionNamesById(template);
    const actual = Object.values(resourcesOf(template, 'AWS::Scheduler::Schedule')).map((schedule) => ({
      fn: names.get(referencedId(schedule.Properties.Target.Arn) ?? 'missing'),
      expression: schedule.Properties.ScheduleExpression as string,
      timeZone: schedule.Properties.ScheduleExpressionTimezone as string,
    }));
    expect(sorted(actual)).toEqual(sorted(expected));
  });
});

describe('the deadline run', () => {
  it('fires every day at 09:00 Asia/Shanghai and hands the function its scheduled time', () => {
    // Act
    const template = synthesize();

    // Assess
    const names = functionNamesById(template);
    const schedules = Object.values(resourcesOf(template, 'AWS::Scheduler::Schedule')).filter((s) => names.get(referencedId(s.Properties.Target.Arn) ?? 'missing') === 'reports-runDeadlines');
    expect(schedules).toHaveLength(1);
    const [schedule] = schedules;
    expect(schedule!.Properties.ScheduleExpression).toBe('cron(0 9 * * ? *)');
    expect(schedule!.Properties.ScheduleExpressionTimezone).toBe('Asia/Shanghai');
    expect(schedule!.Properties.FlexibleTimeWindow).toEqual({ Mode: 'OFF' });
    expect(JSON.parse(schedule!.Properties.Target.Input as string)).toEqual({ scheduledTime: '<aws.scheduler.scheduled-time>' });
  });
});

describe('the cluster', () => {
  it('is one provisioned MSK cluster with IAM authentication only, TLS, in the isolated subnets, reachable by the functions', () => {
    // Prepare
    const iamPort = MSK_IAM_PORT;

    // Act
    const template = synthesize();

    // Assess
    const [, cluster] = onlyResource(template, 'AWS::MSK::Cluster');
    expect(cluster.Properties.ClientAuthentication).toEqual({ Sasl: { Iam: { Enabled: true } }, Unauthenticated: { Enabled: false } });
    expect(cluster.Properties.EncryptionInfo.EncryptionInTransit).toEqual({ ClientBroker: 'TLS', InCluster: true });
    const broker = cluster.Properties.BrokerNodeGroupInfo as { ClientSubnets: unknown[]; SecurityGroups: unknown[] };
    const subnets = Object.keys(resourcesOf(template, 'AWS::EC2::Subnet')).map((id) => ({ Ref: id }));
    expect(sorted(broker.ClientSubnets)).toEqual(sorted(subnets));
    const clusterGroupId = referencedId(broker.SecurityGroups[0]);
    const ingress = Object.values(resourcesOf(template, 'AWS::EC2::SecurityGroupIngress')).filter((rule) => referencedId(rule.Properties.GroupId) === clusterGroupId);
    expect(ingress.map((rule) => [rule.Properties.FromPort, rule.Properties.ToPort])).toEqual([
      [iamPort, iamPort],
      [iamPort, iamPort],
    ]);
  });
});
