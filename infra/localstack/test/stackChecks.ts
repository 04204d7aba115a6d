/**
 * Checks a deployed stack against its synthesized template through each service's own API, never
 * through the stack's status: LocalStack community reports some resources it does not support as
 * CREATE_COMPLETE without creating anything. CloudFormation is asked only for the physical id of
 * each logical id (ListStackResources).
 *
 * Expected values are the template's properties with their intrinsic functions resolved
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html):
 * Ref, Fn::GetAtt (the attributes fetched below), Fn::Join, Fn::Sub, Fn::Select, Fn::Split and the
 * pseudo parameters. A property that needs anything else (Fn::If, Fn::ImportValue…) is not
 * compared, and the check says so in its notes.
 */
import { CloudFormationClient, DescribeStacksCommand, paginateListStackResources } from '@aws-sdk/client-cloudformation';
import { CloudWatchClient, DescribeAlarmsCommand, GetDashboardCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeContinuousBackupsCommand, DescribeTableCommand, DescribeTimeToLiveCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetRoleCommand, GetRolePolicyCommand, IAMClient, ListAttachedRolePoliciesCommand } from '@aws-sdk/client-iam';
import { DescribeKeyCommand, GetKeyRotationStatusCommand, KMSClient } from '@aws-sdk/client-kms';
import { GetEventSourceMappingCommand, GetFunctionConfigurationCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { GetBucketEncryptionCommand, GetBucketPolicyCommand, GetBucketVersioningCommand, GetPublicAccessBlockCommand, HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { GetScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { GetTopicAttributesCommand, SNSClient } from '@aws-sdk/client-sns';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { LOCALSTACK_ACCOUNT, LOCALSTACK_REGION, clientConfig } from '../localstack.js';

export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
  DeletionPolicy?: string;
  Metadata?: Record<string, unknown>;
}
export interface Template {
  Resources: Record<string, CfnResource>;
  Parameters?: Record<string, { Default?: unknown }>;
}

/** The AWS SDK clients, all pointed at LocalStack. */
export const clients = (endpoint: string) => {
  const config = clientConfig(endpoint);
  return {
    cfn: new CloudFormationClient(config),
    cloudwatch: new CloudWatchClient(config),
    dynamodb: new DynamoDBClient(config),
    iam: new IAMClient(config),
    kms: new KMSClient(config),
    lambda: new LambdaClient(config),
    logs: new CloudWatchLogsClient(config),
    s3: new S3Client({ ...config, forcePathStyle: true }),
    scheduler: new SchedulerClient(config),
    sns: new SNSClient(config),
    sqs: new SQSClient(config),
    ssm: new SSMClient(config),
  };
};
export type Clients = ReturnType<typeof clients>;

/** Logical id → physical id of every resource of a deployed stack. */
export const physicalIds = async (c: Clients, stackName: string): Promise<Map<string, string>> => {
  const ids = new Map<string, string>();
  for await (const page of paginateListStackResources({ client: c.cfn }, { StackName: stackName })) {
    for (const r of page.StackResourceSummaries ?? []) if (r.LogicalResourceId && r.PhysicalResourceId) ids.set(r.LogicalResourceId, r.PhysicalResourceId);
  }
  return ids;
};

/** Thrown for a value whose intrinsic function the resolver does not evaluate. */
export class Unresolvable extends Error {}

const NO_VALUE = Symbol('AWS::NoValue');

/** Resolves intrinsic functions against the deployed resources. */
export class Resolver {
  private readonly attributes = new Map<string, Promise<string>>();

  /**
   * @param stackName the stack's name or, for a nested stack, its ARN
   * @param parameters values of the template's parameters (a nested stack's, as its parent passes them)
   */
  constructor(
    private readonly c: Clients,
    private readonly template: Template,
    private readonly stackName: string,
    private readonly ids: Map<string, string>,
    private readonly parameters: Record<string, unknown> = {},
  ) {}

  physical(logicalId: string): string {
    const id = this.ids.get(logicalId);
    if (id === undefined) throw new Error(`${logicalId} has no physical resource in ${this.stackName}`);
    return id;
  }

  /** The value with every intrinsic function evaluated; throws {@link Unresolvable}. */
  async resolve(value: unknown): Promise<unknown> {
    const resolved = await this.resolveInner(value);
    return resolved === NO_VALUE ? undefined : resolved;
  }

  /** As {@link resolve}, or `undefined` (and a note) when it cannot be resolved. */
  async tryResolve(value: unknown, notes: string[], what: string): Promise<unknown> {
    try {
      return await this.resolve(value);
    } catch (error) {
      if (!(error instanceof Unresolvable)) throw error;
      notes.push(`${what} not compared: ${error.message}`);
      return undefined;
    }
  }

  private async resolveInner(value: unknown): Promise<unknown> {
    if (Array.isArray(value)) return (await Promise.all(value.map((v) => this.resolveInner(v)))).filter((v) => v !== NO_VALUE);
    if (value === null || typeof value !== 'object') return value;
    const entries = Object.entries(value);
    const [first] = entries;
    if (entries.length === 1 && first && (first[0] === 'Ref' || first[0].startsWith('Fn::'))) return this.intrinsic(first[0], first[1]);
    const out: Record<string, unknown> = {};
    for (const [k, v] of entries) {
      const r = await this.resolveInner(v);
      if (r !== NO_VALUE) out[k] = r;
    }
    return out;
  }

  private async intrinsic(fn: string, arg: unknown): Promise<unknown> {
    const str = async (v: unknown) => String(await this.resolveInner(v));
    switch (fn) {
      case 'Ref':
        return this.ref(String(arg));
      case 'Fn::GetAtt': {
        const [logicalId, attribute] = Array.isArray(arg) ? (arg as string[]) : String(arg).split(/\.(.+)/);
        return this.getAtt(String(logicalId), String(attribute));
      }
      case 'Fn::Join': {
        const [separator, parts] = arg as [string, unknown[]];
        const resolved = (await this.resolveInner(parts)) as unknown[];
        return resolved.map(String).join(separator);
      }
      case 'Fn::Select': {
        const [index, list] = arg as [unknown, unknown];
        return ((await this.resolveInner(list)) as unknown[])[Number(await this.resolveInner(index))];
      }
      case 'Fn::Split': {
        const [separator, source] = arg as [string, unknown];
        return (await str(source)).split(separator);
      }
      case 'Fn::Sub': {
        const [text, variables] = Array.isArray(arg) ? (arg as [string, Record<string, unknown>]) : [String(arg), {}];
        let out = '';
        let last = 0;
        for (const match of text.matchAll(/\$\{([^}!][^}]*)\}/g)) {
          const name = match[1]!;
          let replacement: string;
          if (name in variables) replacement = await str(variables[name]);
          else if (name.includes('.')) {
            const [logicalId, attribute] = name.split(/\.(.+)/);
            replacement = await this.getAtt(logicalId!, attribute!);
          } else replacement = String(await this.ref(name));
          out += text.slice(last, match.index) + replacement;
          last = match.index + match[0].length;
        }
        return (out + text.slice(last)).replace(/\$\{!/g, '${');
      }
      default:
        throw new Unresolvable(`${fn} is not evaluated`);
    }
  }

  private ref(name: string): unknown {
    const pseudo: Record<string, unknown> = {
      'AWS::Region': LOCALSTACK_REGION,
      'AWS::AccountId': LOCALSTACK_ACCOUNT,
      'AWS::Partition': 'aws',
      'AWS::URLSuffix': 'amazonaws.com',
      'AWS::StackName': this.stackName,
      'AWS::NoValue': NO_VALUE,
    };
    if (name in pseudo) return pseudo[name];
    if (name in this.parameters) return this.parameters[name];
    const parameter = this.template.Parameters?.[name];
    if (parameter) {
      if (parameter.Default === undefined) throw new Unresolvable(`parameter ${name} has no default`);
      return parameter.Default;
    }
    if (!this.template.Resources[name]) throw new Unresolvable(`Ref to unknown ${name}`);
    return this.physical(name);
  }

  private getAtt(logicalId: string, attribute: string): Promise<string> {
    const key = `${logicalId}.${attribute}`;
    let value = this.attributes.get(key);
    if (!value) {
      value = this.fetchAttribute(logicalId, attribute);
      this.attributes.set(key, value);
    }
    return value;
  }

  /** The attributes the project's templates use, read from each service. */
  private async fetchAttribute(logicalId: string, attribute: string): Promise<string> {
    const type = this.template.Resources[logicalId]?.Type;
    const id = this.physical(logicalId);
    const c = this.c;
    const fetched = await (async (): Promise<string | undefined> => {
      if (type === 'AWS::CloudFormation::Stack' && attribute.startsWith('Outputs.')) {
        const stack = (await c.cfn.send(new DescribeStacksCommand({ StackName: id }))).Stacks?.[0];
        return stack?.Outputs?.find((o) => o.OutputKey === attribute.slice('Outputs.'.length))?.OutputValue;
      }
      switch (`${type}.${attribute}`) {
        case 'AWS::DynamoDB::Table.Arn':
          return (await c.dynamodb.send(new DescribeTableCommand({ TableName: id }))).Table?.TableArn;
        case 'AWS::DynamoDB::Table.StreamArn':
          return (await c.dynamodb.send(new DescribeTableCommand({ TableName: id }))).Table?.LatestStreamArn;
        case 'AWS::IAM::Role.Arn':
          return (await c.iam.send(new GetRoleCommand({ RoleName: id }))).Role?.Arn;
        case 'AWS::IAM::Role.RoleId':
          return (await c.iam.send(new GetRoleCommand({ RoleName: id }))).Role?.RoleId;
        case 'AWS::Lambda::Function.Arn':
          return (await c.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: id }))).FunctionArn;
        case 'AWS::S3::Bucket.Arn':
          return `arn:aws:s3:::${id}`;
        case 'AWS::KMS::Key.Arn':
          return (await c.kms.send(new DescribeKeyCommand({ KeyId: id }))).KeyMetadata?.Arn;
        case 'AWS::Logs::LogGroup.Arn':
          return (await c.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: id }))).logGroups?.find((g) => g.logGroupName === id)?.arn;
        case 'AWS::SQS::Queue.Arn':
          return (await c.sqs.send(new GetQueueAttributesCommand({ QueueUrl: id, AttributeNames: ['QueueArn'] }))).Attributes?.QueueArn;
        case 'AWS::SQS::Queue.QueueName':
          return id.split('/').at(-1);
        case 'AWS::SNS::Topic.TopicArn':
          return id;
        case 'AWS::CloudWatch::Alarm.Arn':
          return (await c.cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: [id] }))).MetricAlarms?.[0]?.AlarmArn;
        case 'AWS::Scheduler::Schedule.Arn':
          return (await c.scheduler.send(new GetScheduleCommand({ Name: id }))).Arn;
        default:
          throw new Unresolvable(`Fn::GetAtt ${type}.${attribute} is not fetched`);
      }
    })();
    if (fetched === undefined) throw new Error(`${logicalId} (${type}) has no ${attribute}`);
    return fetched;
  }
}

// ---------------------------------------------------------------------------------------------

/** What a check compares: `[what, actual, expected]`; a test asserts each with toEqual. */
export type Comparison = [what: string, actual: unknown, expected: unknown];
/** A comparison of a {@link knownGaps} entry, with the reason. */
export type Gap = [what: string, actual: unknown, expected: unknown, why: string];

export interface CheckResult {
  comparisons: Comparison[];
  /** Comparisons of {@link knownGaps}, left out of `comparisons`. */
  gaps: Gap[];
  /** What was not compared, and why. */
  notes: string[];
}

type Props = Record<string, unknown>;
type Check = (c: Clients, r: Resolver, logicalId: string, props: Props, notes: string[]) => Promise<Comparison[]>;

const sorted = <T>(values: T[]): T[] => [...values].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
const asArray = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Polls until `probe` returns a value that `done` accepts, or gives the last value after `timeoutMs`. */
export const eventually = async <T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 500));
  }
};

/**
 * An IAM policy document in a comparable shape: statements as `{Effect, Action[], Resource[]}` (or
 * Principal), sorted. Resources that cannot be resolved make the statement compare on Effect and
 * Action only, on both sides.
 */
const policyStatements = async (r: Resolver, document: unknown, notes: string[], what: string) => {
  const statements = asArray((document as { Statement?: unknown })?.Statement) as Props[];
  const out = [];
  for (const s of statements) {
    const resource = await r.tryResolve(s.Resource, notes, `${what} Resource`);
    const principal = await r.tryResolve(s.Principal, notes, `${what} Principal`);
    out.push({
      Effect: s.Effect,
      Action: sorted(asArray(s.Action)),
      ...(s.Resource !== undefined && resource !== undefined ? { Resource: sorted(asArray(resource)) } : {}),
      ...(principal !== undefined ? { Principal: principal } : {}),
    });
  }
  return out;
};

/** The actual statements, reduced to the keys of the expected ones (so unresolvable keys are left out). */
const comparableStatements = (actualDocument: unknown, expected: Props[]) => {
  const actual = asArray((actualDocument as { Statement?: unknown })?.Statement) as Props[];
  const normalized = actual.map((s) => ({
    Effect: s.Effect,
    Action: sorted(asArray(s.Action)),
    Resource: sorted(asArray(s.Resource)),
    Principal: s.Principal,
  }));
  const keys = new Set(expected.flatMap((s) => Object.keys(s)));
  return sorted(normalized.map((s) => Object.fromEntries(Object.entries(s).filter(([k, v]) => keys.has(k) && v !== undefined))));
};

const decodePolicy = (document: string | undefined): unknown => (document ? JSON.parse(decodeURIComponent(document)) : undefined);

const checks: Record<string, Check> = {
  async 'AWS::DynamoDB::Table'(c, r, logicalId, p, notes) {
    const TableName = r.physical(logicalId);
    const table = (await c.dynamodb.send(new DescribeTableCommand({ TableName }))).Table;
    const out: Comparison[] = [
      ['TableStatus', table?.TableStatus, 'ACTIVE'],
      ['KeySchema', table?.KeySchema, p.KeySchema],
      ['BillingMode', table?.BillingModeSummary?.BillingMode ?? 'PROVISIONED', p.BillingMode ?? 'PROVISIONED'],
      ['DeletionProtectionEnabled', table?.DeletionProtectionEnabled ?? false, p.DeletionProtectionEnabled ?? false],
    ];
    const stream = p.StreamSpecification as Props | undefined;
    out.push(['StreamSpecification', table?.StreamSpecification ?? null, stream ? { StreamEnabled: true, StreamViewType: stream.StreamViewType } : null]);
    const gsis = asArray(p.GlobalSecondaryIndexes) as Props[];
    out.push([
      'GlobalSecondaryIndexes',
      sorted((table?.GlobalSecondaryIndexes ?? []).map((g) => ({ IndexName: g.IndexName, KeySchema: g.KeySchema, ProjectionType: g.Projection?.ProjectionType }))),
      sorted(gsis.map((g) => ({ IndexName: g.IndexName, KeySchema: g.KeySchema, ProjectionType: (g.Projection as Props | undefined)?.ProjectionType }))),
    ]);
    const sse = p.SSESpecification as Props | undefined;
    if (sse?.SSEEnabled) {
      out.push(['SSEDescription.SSEType', table?.SSEDescription?.SSEType, 'KMS']);
      if (sse.KMSMasterKeyId !== undefined) {
        const key = await r.tryResolve(sse.KMSMasterKeyId, notes, 'KMSMasterKeyId');
        if (key !== undefined) {
          // The template may name the key by id or ARN; the API answers with the ARN.
          const arn = String(key).startsWith('arn:') ? key : (await c.kms.send(new DescribeKeyCommand({ KeyId: String(key) }))).KeyMetadata?.Arn;
          out.push(['SSEDescription.KMSMasterKeyArn', table?.SSEDescription?.KMSMasterKeyArn, arn]);
        }
      }
    }
    const ttl = p.TimeToLiveSpecification as Props | undefined;
    const ttlActual = (await c.dynamodb.send(new DescribeTimeToLiveCommand({ TableName }))).TimeToLiveDescription;
    out.push([
      'TimeToLive',
      { status: ttlActual?.TimeToLiveStatus, attribute: ttlActual?.AttributeName },
      ttl?.Enabled ? { status: 'ENABLED', attribute: ttl.AttributeName } : { status: 'DISABLED', attribute: undefined },
    ]);
    const pitr = (p.PointInTimeRecoverySpecification as Props | undefined)?.PointInTimeRecoveryEnabled === true;
    const backups = (await c.dynamodb.send(new DescribeContinuousBackupsCommand({ TableName }))).ContinuousBackupsDescription;
    out.push(['PointInTimeRecoveryStatus', backups?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus, pitr ? 'ENABLED' : 'DISABLED']);
    return out;
  },

  async 'AWS::Lambda::Function'(c, r, logicalId, p, notes) {
    const FunctionName = r.physical(logicalId);
    const config = await eventually(
      () => c.lambda.send(new GetFunctionConfigurationCommand({ FunctionName })),
      (f) => f.State !== 'Pending' && f.LastUpdateStatus !== 'InProgress',
      60_000,
    );
    const out: Comparison[] = [
      ['State', config.State, 'Active'],
      ['LastUpdateStatus', config.LastUpdateStatus, 'Successful'],
      ['Runtime', config.Runtime, p.Runtime],
      ['Handler', config.Handler, p.Handler],
      ['MemorySize', config.MemorySize, p.MemorySize ?? 128],
      ['Timeout', config.Timeout, p.Timeout ?? 3],
      ['Architectures', config.Architectures, p.Architectures ?? ['x86_64']],
    ];
    const role = await r.tryResolve(p.Role, notes, 'Role');
    if (role !== undefined) out.push(['Role', config.Role, role]);
    const variables = ((p.Environment as Props | undefined)?.Variables ?? {}) as Props;
    const expectedVariables: Props = {};
    const actualVariables = config.Environment?.Variables ?? {};
    for (const [name, value] of Object.entries(variables)) {
      const resolved = await r.tryResolve(value, notes, `Environment.${name}`);
      expectedVariables[name] = resolved === undefined ? expect.any(String) : String(resolved);
    }
    out.push(['Environment.Variables', actualVariables, expectedVariables]);
    const logGroup = (p.LoggingConfig as Props | undefined)?.LogGroup;
    if (logGroup !== undefined) {
      const resolved = await r.tryResolve(logGroup, notes, 'LoggingConfig.LogGroup');
      if (resolved !== undefined) out.push(['LoggingConfig.LogGroup', config.LoggingConfig?.LogGroup, resolved]);
    }
    return out;
  },

  async 'AWS::Lambda::EventSourceMapping'(c, r, logicalId, p, notes) {
    const UUID = r.physical(logicalId);
    const mapping = await eventually(
      () => c.lambda.send(new GetEventSourceMappingCommand({ UUID })),
      (m) => !['Creating', 'Enabling', 'Updating'].includes(m.State ?? ''),
    );
    const out: Comparison[] = [
      ['State', mapping.State, p.Enabled === false ? 'Disabled' : 'Enabled'],
      ['BatchSize', mapping.BatchSize, p.BatchSize ?? mapping.BatchSize],
      ['StartingPosition', mapping.StartingPosition, p.StartingPosition],
      ['FunctionResponseTypes', mapping.FunctionResponseTypes ?? [], p.FunctionResponseTypes ?? []],
    ];
    if (p.MaximumRetryAttempts !== undefined) out.push(['MaximumRetryAttempts', mapping.MaximumRetryAttempts, p.MaximumRetryAttempts]);
    if (p.BisectBatchOnFunctionError !== undefined) out.push(['BisectBatchOnFunctionError', mapping.BisectBatchOnFunctionError, p.BisectBatchOnFunctionError]);
    const source = await r.tryResolve(p.EventSourceArn, notes, 'EventSourceArn');
    if (source !== undefined) out.push(['EventSourceArn', mapping.EventSourceArn, source]);
    const fn = await r.tryResolve(p.FunctionName, notes, 'FunctionName');
    if (fn !== undefined) out.push(['FunctionArn (function name)', mapping.FunctionArn?.split(':').at(-1), String(fn).split(':').at(-1)]);
    const filters = asArray((p.FilterCriteria as Props | undefined)?.Filters) as Props[];
    out.push([
      'FilterCriteria patterns',
      sorted((mapping.FilterCriteria?.Filters ?? []).map((f) => JSON.parse(f.Pattern ?? 'null'))),
      sorted(filters.map((f) => JSON.parse(String(f.Pattern)))),
    ]);
    return out;
  },

  async 'AWS::Scheduler::Schedule'(c, r, logicalId, p, notes) {
    const group = p.GroupName === undefined ? undefined : await r.tryResolve(p.GroupName, notes, 'GroupName');
    const schedule = await c.scheduler.send(new GetScheduleCommand({ Name: r.physical(logicalId), ...(group ? { GroupName: String(group) } : {}) }));
    const target = (p.Target ?? {}) as Props;
    const out: Comparison[] = [
      ['ScheduleExpression', schedule.ScheduleExpression, p.ScheduleExpression],
      ['ScheduleExpressionTimezone', schedule.ScheduleExpressionTimezone ?? 'UTC', p.ScheduleExpressionTimezone ?? 'UTC'],
      ['State', schedule.State, p.State ?? 'ENABLED'],
      ['FlexibleTimeWindow.Mode', schedule.FlexibleTimeWindow?.Mode, (p.FlexibleTimeWindow as Props | undefined)?.Mode],
    ];
    for (const key of ['Arn', 'RoleArn', 'Input'] as const) {
      if (target[key] === undefined) continue;
      const expected = await r.tryResolve(target[key], notes, `Target.${key}`);
      if (expected !== undefined) out.push([`Target.${key}`, schedule.Target?.[key], expected]);
    }
    return out;
  },

  async 'AWS::IAM::Role'(c, r, logicalId, p, notes) {
    const RoleName = r.physical(logicalId);
    const role = (await c.iam.send(new GetRoleCommand({ RoleName }))).Role;
    const trust = await policyStatements(r, p.AssumeRolePolicyDocument, notes, 'AssumeRolePolicyDocument');
    const out: Comparison[] = [['AssumeRolePolicyDocument', comparableStatements(decodePolicy(role?.AssumeRolePolicyDocument), trust), sorted(trust)]];
    const managed = await r.tryResolve(p.ManagedPolicyArns ?? [], notes, 'ManagedPolicyArns');
    if (managed !== undefined) {
      const attached = (await c.iam.send(new ListAttachedRolePoliciesCommand({ RoleName }))).AttachedPolicies ?? [];
      out.push(['ManagedPolicyArns', sorted(attached.map((a) => a.PolicyArn)), sorted(asArray(managed))]);
    }
    for (const inline of asArray(p.Policies) as Props[]) {
      const policy = await c.iam.send(new GetRolePolicyCommand({ RoleName, PolicyName: String(inline.PolicyName) }));
      const expected = await policyStatements(r, inline.PolicyDocument, notes, `Policies.${String(inline.PolicyName)}`);
      out.push([`inline policy ${String(inline.PolicyName)}`, comparableStatements(decodePolicy(policy.PolicyDocument), expected), sorted(expected)]);
    }
    return out;
  },

  async 'AWS::IAM::Policy'(c, r, _logicalId, p, notes) {
    const out: Comparison[] = [];
    const roles = await r.tryResolve(p.Roles ?? [], notes, 'Roles');
    const expected = await policyStatements(r, p.PolicyDocument, notes, 'PolicyDocument');
    for (const RoleName of asArray(roles).map(String)) {
      const policy = await c.iam.send(new GetRolePolicyCommand({ RoleName, PolicyName: String(p.PolicyName) }));
      out.push([`statements on role ${RoleName}`, comparableStatements(decodePolicy(policy.PolicyDocument), expected), sorted(expected)]);
    }
    if (out.length === 0) notes.push('attached to no role (Users/Groups are not checked)');
    return out;
  },

  async 'AWS::Logs::LogGroup'(c, r, logicalId, p) {
    const name = r.physical(logicalId);
    const group = (await c.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: name }))).logGroups?.find((g) => g.logGroupName === name);
    return [
      ['exists', group?.logGroupName, name],
      ['retentionInDays', group?.retentionInDays, p.RetentionInDays],
    ];
  },

  async 'AWS::S3::Bucket'(c, r, logicalId, p) {
    const Bucket = r.physical(logicalId);
    const head = await c.s3.send(new HeadBucketCommand({ Bucket }));
    const out: Comparison[] = [['HeadBucket status', head.$metadata.httpStatusCode, 200]];
    const versioning = (p.VersioningConfiguration as Props | undefined)?.Status;
    if (versioning) out.push(['Versioning', (await c.s3.send(new GetBucketVersioningCommand({ Bucket }))).Status, versioning]);
    const encryption = p.BucketEncryption as { ServerSideEncryptionConfiguration?: { ServerSideEncryptionByDefault?: { SSEAlgorithm?: string } }[] } | undefined;
    if (encryption) {
      const actual = (await c.s3.send(new GetBucketEncryptionCommand({ Bucket }))).ServerSideEncryptionConfiguration?.Rules ?? [];
      out.push([
        'SSEAlgorithm',
        actual.map((rule) => rule.ApplyServerSideEncryptionByDefault?.SSEAlgorithm),
        (encryption.ServerSideEncryptionConfiguration ?? []).map((rule) => rule.ServerSideEncryptionByDefault?.SSEAlgorithm),
      ]);
    }
    if (p.PublicAccessBlockConfiguration) {
      const actual = (await c.s3.send(new GetPublicAccessBlockCommand({ Bucket }))).PublicAccessBlockConfiguration;
      out.push(['PublicAccessBlockConfiguration', actual, expect.objectContaining(p.PublicAccessBlockConfiguration as Props)]);
    }
    return out;
  },

  async 'AWS::KMS::Key'(c, r, logicalId, p) {
    const KeyId = r.physical(logicalId);
    const key = (await c.kms.send(new DescribeKeyCommand({ KeyId }))).KeyMetadata;
    const out: Comparison[] = [
      ['KeyState', key?.KeyState, p.Enabled === false ? 'Disabled' : 'Enabled'],
      ['KeyUsage', key?.KeyUsage, p.KeyUsage ?? 'ENCRYPT_DECRYPT'],
    ];
    if (p.EnableKeyRotation !== undefined) {
      out.push(['KeyRotationEnabled', (await c.kms.send(new GetKeyRotationStatusCommand({ KeyId }))).KeyRotationEnabled, p.EnableKeyRotation]);
    }
    return out;
  },

  async 'AWS::S3::BucketPolicy'(c, r, _logicalId, p, notes) {
    const bucket = await r.tryResolve(p.Bucket, notes, 'Bucket');
    if (bucket === undefined) return [];
    const policy = (await c.s3.send(new GetBucketPolicyCommand({ Bucket: String(bucket) }))).Policy;
    const expected = await policyStatements(r, p.PolicyDocument, notes, 'PolicyDocument');
    return [['statements', comparableStatements(policy ? JSON.parse(policy) : undefined, expected), sorted(expected)]];
  },

  async 'AWS::CloudWatch::Alarm'(c, r, logicalId, p, notes) {
    const name = r.physical(logicalId);
    const alarm = (await c.cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: [name] }))).MetricAlarms?.[0];
    const out: Comparison[] = [['AlarmName', alarm?.AlarmName, name]];
    for (const key of ['MetricName', 'Namespace', 'Statistic', 'ExtendedStatistic', 'Period', 'Threshold', 'ComparisonOperator', 'EvaluationPeriods', 'TreatMissingData'] as const) {
      if (p[key] !== undefined) out.push([key, alarm?.[key], p[key]]);
    }
    if (p.Metrics !== undefined) out.push(['Metrics (count)', alarm?.Metrics?.length, asArray(p.Metrics).length]);
    for (const key of ['AlarmActions', 'Dimensions'] as const) {
      if (p[key] === undefined) continue;
      const expected = await r.tryResolve(p[key], notes, key);
      if (expected !== undefined) out.push([key, sorted(asArray(alarm?.[key])), sorted(asArray(expected))]);
    }
    return out;
  },

  async 'AWS::CloudWatch::Dashboard'(c, r, logicalId, p, notes) {
    const DashboardName = r.physical(logicalId);
    const dashboard = await c.cloudwatch.send(new GetDashboardCommand({ DashboardName })).catch((error: Error) => {
      // AWS answers ResourceNotFound; LocalStack InvalidParameterValueException "Dashboard … does not exist".
      if (/^ResourceNotFound/.test(error.name) || /does not exist/.test(error.message)) return undefined;
      throw error;
    });
    const out: Comparison[] = [['exists', dashboard !== undefined, true]];
    const body = await r.tryResolve(p.DashboardBody, notes, 'DashboardBody');
    if (dashboard && body !== undefined) out.push(['DashboardBody', JSON.parse(dashboard.DashboardBody ?? 'null'), JSON.parse(String(body))]);
    return out;
  },

  async 'AWS::SNS::TopicPolicy'(c, r, _logicalId, p, notes) {
    const topics = await r.tryResolve(p.Topics, notes, 'Topics');
    const expected = await policyStatements(r, p.PolicyDocument, notes, 'PolicyDocument');
    const out: Comparison[] = [];
    for (const TopicArn of asArray(topics).map(String)) {
      const policy = (await c.sns.send(new GetTopicAttributesCommand({ TopicArn }))).Attributes?.Policy;
      out.push([`statements on ${TopicArn.split(':').at(-1)}`, comparableStatements(policy ? JSON.parse(policy) : undefined, expected), sorted(expected)]);
    }
    return out;
  },

  async 'AWS::SNS::Topic'(c, r, logicalId) {
    const TopicArn = r.physical(logicalId);
    const attributes = (await c.sns.send(new GetTopicAttributesCommand({ TopicArn }))).Attributes;
    return [['TopicArn', attributes?.TopicArn, TopicArn]];
  },

  async 'AWS::SQS::Queue'(c, r, logicalId, p) {
    const QueueUrl = r.physical(logicalId);
    const attributes = (await c.sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }))).Attributes ?? {};
    const out: Comparison[] = [['QueueArn', attributes.QueueArn?.split(':').at(-1), QueueUrl.split('/').at(-1)]];
    for (const key of ['VisibilityTimeout', 'MessageRetentionPeriod', 'FifoQueue'] as const) {
      if (p[key] !== undefined) out.push([key, attributes[key], String(p[key])]);
    }
    return out;
  },

  async 'AWS::SSM::Parameter'(c, r, logicalId, p, notes) {
    const parameter = (await c.ssm.send(new GetParameterCommand({ Name: r.physical(logicalId) }))).Parameter;
    const out: Comparison[] = [['Type', parameter?.Type, p.Type]];
    const value = await r.tryResolve(p.Value, notes, 'Value');
    if (value !== undefined) out.push(['Value', parameter?.Value, String(value)]);
    return out;
  },
};

/**
 * Properties that LocalStack community's CloudFormation providers accept but do not apply, found by
 * these checks (resource type → comparison → why). They are reported, not failed, unless
 * `LOCALSTACK_STRICT=1`; the pinned LocalStack (2026.3.0) will not change.
 */
export const knownGaps: Record<string, Record<string, string>> = {
  'AWS::DynamoDB::Table': {
    // UpdateContinuousBackups itself works; the provider never calls it.
    PointInTimeRecoveryStatus:
      'localstack/services/dynamodb/resource_providers/aws_dynamodb_table.py ignores PointInTimeRecoverySpecification',
    // Its create handler passes a fixed list of properties to CreateTable, without this one.
    DeletionProtectionEnabled: 'localstack/services/dynamodb/resource_providers/aws_dynamodb_table.py ignores DeletionProtectionEnabled',
  },
  'AWS::S3::Bucket': {
    // No PutBucketEncryption: the bucket keeps S3's default, SSE-S3 (AES256).
    SSEAlgorithm: 'localstack/services/s3/resource_providers/aws_s3_bucket.py ignores BucketEncryption',
  },
  'AWS::CloudWatch::Dashboard': {
    // localstack/services/cloudformation/engine/v2/change_set_model*.py: "Deployment of resource type
    // AWS::CloudWatch::Dashboard succeeded, but will fail in upcoming LocalStack releases unless
    // CFN_IGNORE_UNSUPPORTED_RESOURCE_TYPES is explicitly enabled": no provider, nothing is created.
    exists: 'community CloudFormation has no provider for AWS::CloudWatch::Dashboard and creates nothing',
  },
  'AWS::Logs::LogGroup': {
    retentionInDays: 'localstack/services/logs/resource_providers/aws_logs_loggroup.py ignores RetentionInDays (no PutRetentionPolicy)',
  },
};

/** The resource types {@link checkResource} knows. */
export const checkedTypes = (): string[] => Object.keys(checks);

/** Compares one deployed resource with its template properties. */
export const checkResource = async (c: Clients, r: Resolver, logicalId: string, resource: CfnResource): Promise<CheckResult> => {
  const check = checks[resource.Type];
  if (!check) throw new Error(`No check for ${resource.Type}`);
  const notes: string[] = [];
  const all = await check(c, r, logicalId, resource.Properties ?? {}, notes);
  const gapsOfType = process.env.LOCALSTACK_STRICT === '1' ? {} : (knownGaps[resource.Type] ?? {});
  const comparisons = all.filter(([what]) => !(what in gapsOfType));
  const gaps = all.filter(([what]) => what in gapsOfType).map(([what, actual, expected]): Gap => [what, actual, expected, gapsOfType[what] ?? '']);
  return { comparisons, gaps, notes };
};
