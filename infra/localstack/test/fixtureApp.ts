/**
 * A small CDK app that exercises what the project's stack uses on LocalStack community, so that the
 * LocalStack machinery (../localstack.ts, the host-node executor) is proven independently of the
 * project's stack: a customer-managed KMS key; a pk/sk table with a NEW_IMAGE stream, TTL, PITR,
 * encrypted with that key; a bundled ES-module NodejsFunction (nodejs24.x, arm64, as
 * infra/lib/service-function.ts builds them) with a filtered DynamoDB-stream event source mapping;
 * an EventBridge Scheduler schedule (six-field cron, time zone) invoking it; an S3 bucket; a role
 * of its own with an inline policy; an error alarm notifying an SNS topic (with a topic policy); an
 * SQS queue; an SSM parameter; a CloudWatch dashboard. Run by test/deploy.test.ts through
 * `cdk synth --app`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Duration, RemovalPolicy, Stack, TimeZone } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { FIXTURE_STACK } from './fixtureName.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');


const app = new App();
const stack = new Stack(app, FIXTURE_STACK);

const key = new kms.Key(stack, 'Key', { removalPolicy: RemovalPolicy.DESTROY, pendingWindow: Duration.days(7) });

const table = new dynamodb.Table(stack, 'Table', {
  partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
  sortKey: { name: 'sk', type: dynamodb.AttributeType.STRING },
  billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
  timeToLiveAttribute: 'expiresAt',
  stream: dynamodb.StreamViewType.NEW_IMAGE,
  encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
  encryptionKey: key,
  pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
  removalPolicy: RemovalPolicy.DESTROY,
});

const role = new iam.Role(stack, 'FunctionRole', {
  assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
  managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaBasicExecutionRole')],
});

const fn = new NodejsFunction(stack, 'Function', {
  entry: path.join(here, 'fixture', 'handler.ts'),
  handler: 'handler',
  runtime: lambda.Runtime.NODEJS_24_X,
  architecture: lambda.Architecture.ARM_64,
  memorySize: 256,
  timeout: Duration.seconds(15),
  role,
  projectRoot: repoRoot,
  depsLockFilePath: path.join(repoRoot, 'package-lock.json'),
  bundling: {
    format: OutputFormat.ESM,
    target: 'node24',
    minify: true,
    sourceMap: true,
    mainFields: ['module', 'main'],
    banner: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
    bundleAwsSDK: true,
  },
  environment: { TABLE_NAME: table.tableName, GREETING: 'hello from the fixture' },
  logGroup: new logs.LogGroup(stack, 'FunctionLogs', { retention: logs.RetentionDays.ONE_WEEK, removalPolicy: RemovalPolicy.DESTROY }),
});
table.grantReadWriteData(fn);

fn.addEventSource(
  new DynamoEventSource(table, {
    startingPosition: lambda.StartingPosition.TRIM_HORIZON,
    batchSize: 10,
    reportBatchItemFailures: true,
    retryAttempts: 3,
    filters: [
      lambda.FilterCriteria.filter({
        eventName: lambda.FilterRule.isEqual('INSERT'),
        dynamodb: { NewImage: { kind: { S: lambda.FilterRule.isEqual('outbox') } } },
      }),
    ],
  }),
);

new scheduler.Schedule(stack, 'Schedule', {
  description: 'fixture: every day at 02:30 Shanghai time',
  schedule: scheduler.ScheduleExpression.expression('cron(30 2 * * ? *)', TimeZone.ASIA_SHANGHAI),
  target: new LambdaInvoke(fn, { input: scheduler.ScheduleTargetInput.fromObject({ scheduledTime: scheduler.ContextAttribute.scheduledTime }) }),
});

new s3.Bucket(stack, 'Bucket', { removalPolicy: RemovalPolicy.DESTROY, encryption: s3.BucketEncryption.S3_MANAGED, versioned: true });

const topic = new sns.Topic(stack, 'AlarmTopic');
topic.addToResourcePolicy(
  new iam.PolicyStatement({ principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')], actions: ['sns:Publish'], resources: [topic.topicArn] }),
);
const errors = new cloudwatch.Alarm(stack, 'ErrorsAlarm', {
  metric: fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
  threshold: 0,
  evaluationPeriods: 1,
  comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
  treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
});
errors.addAlarmAction(new cloudwatchActions.SnsAction(topic));

new sqs.Queue(stack, 'Queue', { visibilityTimeout: Duration.seconds(90), retentionPeriod: Duration.days(4), removalPolicy: RemovalPolicy.DESTROY });
new ssm.StringParameter(stack, 'Parameter', { stringValue: table.tableName, description: 'the fixture table' });
new cloudwatch.Dashboard(stack, 'Dashboard', { widgets: [[new cloudwatch.AlarmWidget({ alarm: errors, title: 'errors' })]] });

app.synth();
