/**
 * What production needs of the stack: keys of our own on every table, bucket and the cluster;
 * point-in-time recovery and deletion protection; the topics made by the stack from
 * `events/topics.ts` and nothing else; least privilege from the manifests; an alarm on every
 * dead-letter topic and on every event source mapping's lag.
 */
import { services } from '#services/index.js';
import { qualifiedName, triggersOf } from '#shared/manifest.js';
import { allTopics, dlqTopic, topicPartitions, topics } from '#events/topics.js';
import { functionIds, onlyResource, referencedId, resourcesOf, roleStatementsOf, synthesize, tableIds } from './support/platform.js';

const keyIdOf = (value: unknown): string | undefined => referencedId(value);

describe('storage', () => {
  it('encrypts every table with its service’s own KMS key, with point-in-time recovery and deletion protection', () => {
    // Act
    const template = synthesize();

    // Assess
    const tables = resourcesOf(template, 'AWS::DynamoDB::Table');
    const keys = resourcesOf(template, 'AWS::KMS::Key');
    const ids = tableIds(template);
    expect(ids.size).toBe(services.reduce((n, s) => n + Object.keys(s.tables).length, 0));
    for (const [tag, id] of ids) {
      const table = tables[id]!;
      expect({ tag, sse: table.Properties.SSESpecification.SSEEnabled, type: table.Properties.SSESpecification.SSEType }).toEqual({ tag, sse: true, type: 'KMS' });
      const key = keys[keyIdOf(table.Properties.SSESpecification.KMSMasterKeyId) ?? 'missing'];
      expect(key?.Properties.Description).toBe(`${tag.split('.')[0]}: its tables and buckets`);
      expect(key?.Properties.EnableKeyRotation).toBe(true);
      expect(table.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
      expect(table.Properties.DeletionProtectionEnabled).toBe(true);
    }
  });

  it('encrypts the Kafka brokers’ volumes with a KMS key of the stack', () => {
    // Act
    const template = synthesize();

    // Assess
    const [, cluster] = onlyResource(template, 'AWS::MSK::Cluster');
    const keyId = keyIdOf(cluster.Properties.EncryptionInfo.EncryptionAtRest.DataVolumeKMSKeyId);
    expect(resourcesOf(template, 'AWS::KMS::Key')[keyId ?? 'missing']?.Properties.EnableKeyRotation).toBe(true);
  });

  it('encrypts every bucket at rest and refuses plain HTTP to it', () => {
    // Act
    const template = synthesize();

    // Assess
    const buckets = resourcesOf(template, 'AWS::S3::Bucket');
    expect(Object.keys(buckets).length).toBeGreaterThan(2);
    for (const [id, bucket] of Object.entries(buckets)) {
      expect({ id, algorithm: bucket.Properties.BucketEncryption?.ServerSideEncryptionConfiguration?.[0]?.ServerSideEncryptionByDefault?.SSEAlgorithm }).toEqual({ id, algorithm: expect.stringMatching(/^(aws:kms|AES256)$/) });
    }
  });
});

describe('the topics', () => {
  it('are made by the stack, one per topic of events/topics.ts and its dead-letter topic, with its partitions, and no other', () => {
    // Act
    const template = synthesize();

    // Assess
    const [clusterId] = onlyResource(template, 'AWS::MSK::Cluster');
    const made = Object.values(resourcesOf(template, 'AWS::MSK::Topic'));
    expect(made.map((t) => t.Properties.TopicName).sort()).toEqual(allTopics().sort());
    for (const topic of made) {
      expect(referencedId(topic.Properties.ClusterArn)).toBe(clusterId);
      expect(topic.Properties.PartitionCount).toBe(topicPartitions);
      expect(topic.Properties.ReplicationFactor).toBeGreaterThanOrEqual(2);
    }
  });

  it('cover every topic a manifest produces or consumes', () => {
    // Prepare
    const named = new Set(allTopics());

    // Act
    const used = services.flatMap((s) => [...s.produces, ...triggersOf(s, 'kafka').map((t) => t.trigger.topic)]);

    // Assess
    expect(used.length).toBeGreaterThan(0);
    for (const topic of used) expect(named.has(topic)).toBe(true);
  });
});

describe('least privilege', () => {
  const kafkaStatements = (template: ReturnType<typeof synthesize>, id: string, action: string): string[] =>
    roleStatementsOf(template, id)
      .filter((s) => s.Effect === 'Allow' && s.Action.includes(action))
      .flatMap((s) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]).map((r) => JSON.stringify(r)));
  const topicOf = (arn: string): string => arn.replace(/"\]\]\}$/, '').split('/').pop()!;

  it('lets a function read only the topics it consumes, as its own group, and write only its service’s topics and their dead letters', () => {
    // Act
    const template = synthesize();

    // Assess
    const ids = functionIds(template);
    let checked = 0;
    for (const service of services) {
      for (const [name, spec] of Object.entries(service.functions)) {
        const id = ids.get(qualifiedName(service.name, name))!;
        const reads = spec.triggers.flatMap((t) => (t.type === 'kafka' ? [t.topic] : []));
        const relays = spec.triggers.some((t) => t.type === 'stream' && t.kindFilter === 'outbox');
        const readArns = kafkaStatements(template, id, 'kafka-cluster:ReadData');
        const writeArns = kafkaStatements(template, id, 'kafka-cluster:WriteData');
        expect({ name, reads: readArns.map(topicOf).sort() }).toEqual({ name, reads: [...reads].sort() });
        const expectedWrites = reads.length === 0 && !relays ? [] : [...new Set([...service.produces, ...reads.map(dlqTopic)])].sort();
        expect({ name, writes: writeArns.map(topicOf).sort() }).toEqual({ name, writes: expectedWrites });
        expect(kafkaStatements(template, id, 'kafka-cluster:CreateTopic')).toEqual([]);
        const groups = kafkaStatements(template, id, 'kafka-cluster:AlterGroup').map(topicOf);
        expect(groups).toEqual(reads.length > 0 ? [qualifiedName(service.name, name)] : []);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('lets a function touch only its own service’s tables and keys', () => {
    // Act
    const template = synthesize();

    // Assess
    const ids = functionIds(template);
    const tables = tableIds(template);
    for (const service of services) {
      const own = new Set([...tables].filter(([tag]) => tag.startsWith(`${service.name}.`)).map(([, id]) => id));
      for (const name of Object.keys(service.functions)) {
        const statements = roleStatementsOf(template, ids.get(qualifiedName(service.name, name))!);
        const tablesTouched = statements
          .filter((s) => s.Action.some((a: string) => a.startsWith('dynamodb:')))
          .flatMap((s) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]))
          .map((r) => referencedId(r) ?? referencedId((r as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join']?.[1][0]))
          .filter((r): r is string => r !== undefined);
        for (const table of tablesTouched) expect({ name, table, own: own.has(table) }).toEqual({ name, table, own: true });
        const keysUsed = statements
          .filter((s) => s.Action.some((a: string) => a.startsWith('kms:')))
          .flatMap((s) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]))
          .map((r) => referencedId(r))
          .filter((r): r is string => r !== undefined);
        for (const key of keysUsed) expect({ name, key: resourcesOf(template, 'AWS::KMS::Key')[key]?.Properties.Description }).toEqual({ name, key: expect.stringMatching(new RegExp(`^${service.name}: `)) });
      }
    }
  });
});

describe('alarms', () => {
  const alarms = (template: ReturnType<typeof synthesize>) => Object.values(resourcesOf(template, 'AWS::CloudWatch::Alarm'));

  it('watch every dead-letter topic, summed over the brokers, and send to the alarm topic', () => {
    // Act
    const template = synthesize();

    // Assess
    const [topicId] = onlyResource(template, 'AWS::SNS::Topic');
    for (const topic of Object.values(topics).map(dlqTopic)) {
      const watching = alarms(template).filter((a) => JSON.stringify(a.Properties.Metrics ?? []).includes(`"Value":"${topic}"`));
      expect({ topic, count: watching.length }).toEqual({ topic, count: 1 });
      expect(watching[0]!.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
      expect(watching[0]!.Properties.Threshold).toBe(0);
    }
  });

  it('watch every event source mapping’s lag: the offset lag of each Kafka consumer and the iterator age of each stream', () => {
    // Act
    const template = synthesize();

    // Assess
    const ids = functionIds(template);
    const mappings = Object.values(resourcesOf(template, 'AWS::Lambda::EventSourceMapping'));
    expect(mappings.length).toBeGreaterThan(10);
    for (const mapping of mappings) {
      const fn = referencedId(mapping.Properties.FunctionName)!;
      const kafka = mapping.Properties.Topics !== undefined;
      const metric = kafka ? 'OffsetLag' : 'IteratorAge';
      const watching = alarms(template).filter((a) => a.Properties.MetricName === metric && referencedId(a.Properties.Dimensions?.[0]?.Value) === fn);
      expect({ fn: [...ids].find(([, id]) => id === fn)?.[0], metric, count: watching.length }).toEqual({ fn: expect.any(String), metric, count: 1 });
    }
  });

  it('watch every function’s errors and p99 duration', () => {
    // Act
    const template = synthesize();

    // Assess
    for (const id of functionIds(template).values()) {
      for (const [metric, statistic] of [['Errors', 'Sum'], ['Duration', 'p99']] as const) {
        const watching = alarms(template).filter((a) => a.Properties.MetricName === metric && referencedId(a.Properties.Dimensions?.[0]?.Value) === id);
        expect({ id, metric, count: watching.length, statistic: watching[0]?.Properties.Statistic ?? watching[0]?.Properties.ExtendedStatistic }).toEqual({ id, metric, count: 1, statistic });
      }
    }
  });
});
