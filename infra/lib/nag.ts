/**
 * The findings of cdk-nag's AwsSolutions pack that the stack keeps, each acknowledged with its
 * reason (cdk-nag 3 reports through CDK's validation plugins, so synthesis fails on any finding not
 * acknowledged here: https://github.com/cdklabs/cdk-nag#acknowledging-a-rule). What can be fixed is
 * fixed in the constructs; these are the choices and what CDK's own constructs need.
 */
import { type Stack, Token, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

const acknowledge = (scope: IConstruct, id: string, reason: string): void => Validations.of(scope).acknowledge({ id, reason });

const managedPolicy = (name: string): string => `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/${name}]`;

/** The acknowledgments of the whole stack, CDK's bucket deployment function (a singleton of the stack) included. */
export const acknowledgeStackFindings = (stack: Stack): void => {
  acknowledge(stack, managedPolicy('AWSLambdaBasicExecutionRole'), 'Writes the function’s own logs only; CDK attaches it to every function role.');
  acknowledge(stack, managedPolicy('AWSLambdaVPCAccessExecutionRole'), 'The network interfaces a function in the VPC needs (Kafka users only); AWS keeps it to what Lambda requires.');
  acknowledge(stack, managedPolicy('AWSLambdaMSKExecutionRole'), 'What an MSK event source mapping needs to read the cluster; CDK attaches it with the mapping.');
  acknowledge(stack, 'AwsSolutions-IAM5[Action::kms:ReEncrypt*]', 'CDK’s grant on a table encrypted with a customer key; the resource is that one key.');
  acknowledge(stack, 'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]', 'CDK’s grant on a table, bucket or topic encrypted with a customer key; the resource is that one key.');
  acknowledge(stack, 'AwsSolutions-IAM5[Resource::*]', 'dynamodb:ListStreams (stream mappings), sns:Publish for SMS to a phone number (no ARN exists), and CDK’s bucket deployment: none is scoped by resource in IAM.');
  acknowledge(stack, 'AwsSolutions-L1', 'CDK’s bucket deployment function, whose runtime CDK sets.');
  acknowledge(stack, 'AwsSolutions-IAM5[Action::s3:GetObject*]', 'CDK’s bucket deployment reads the assets it copies.');
  acknowledge(stack, 'AwsSolutions-IAM5[Action::s3:GetBucket*]', 'CDK’s bucket deployment reads the buckets it copies between.');
  acknowledge(stack, 'AwsSolutions-IAM5[Action::s3:List*]', 'CDK’s bucket deployment lists the buckets it copies between.');
  acknowledge(stack, 'AwsSolutions-IAM5[Action::s3:DeleteObject*]', 'CDK’s bucket deployment replaces the app’s files.');
  acknowledge(stack, 'AwsSolutions-IAM5[Action::s3:Abort*]', 'CDK’s bucket deployment ends uploads it abandons.');
  const known = (value: string, pseudo: string): string => (Token.isUnresolved(value) ? pseudo : value);
  acknowledge(
    stack,
    `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-${known(stack.account, '<AWS::AccountId>')}-${known(stack.region, '<AWS::Region>')}/*]`,
    'CDK’s bucket deployment reads the app from the bootstrap asset bucket.',
  );
};

/** A bucket's objects, which the functions that use it read, put and delete. */
export const acknowledgeObjectAccess = (scope: IConstruct, bucketLogicalId: string): void =>
  acknowledge(scope, `AwsSolutions-IAM5[Resource::<${bucketLogicalId}.Arn>/*]`, 'Objects have keys made at upload; the functions reach only this bucket’s objects, by three actions.');

/** A scheduled function, which the schedule's role may invoke in any version (CDK's grant). */
export const acknowledgeScheduleTarget = (scope: IConstruct, functionLogicalId: string): void =>
  acknowledge(scope, `AwsSolutions-IAM5[Resource::<${functionLogicalId}.Arn>:*]`, 'The schedule invokes this one function; CDK grants its versions too.');

/** A public route: the public site and complaint intake are open by design (docs/adr/0024). */
export const acknowledgePublicRoute = (route: IConstruct): void =>
  acknowledge(route, 'AwsSolutions-APIG4', 'A public route of the public site or complaint intake: no token by design, rate-limited in the function (docs/adr/0024).');

/** The web app's distribution, and its bucket that CDK's bucket deployment fills. */
export const acknowledgeWebApp = (web: IConstruct, filesLogicalId: string, china: boolean): void => {
  acknowledge(web.node.scope ?? web, `AwsSolutions-IAM5[Resource::<${filesLogicalId}.Arn>/*]`, 'CDK’s bucket deployment writes the app’s files into this one bucket.');
  if (china) acknowledge(web, 'AwsSolutions-CFR7', 'The China regions’ CloudFront has no origin access control: an origin access identity instead.');
  acknowledge(web, 'AwsSolutions-CFR1', 'Cadres sign in from anywhere, officials abroad included; the API authorizes every request.');
  acknowledge(web, 'AwsSolutions-CFR2', 'A web ACL for CloudFront must be made in us-east-1 (and China has none for CloudFront): not deployed yet, see docs/adr/0026.');
  acknowledge(web, 'AwsSolutions-CFR3', 'CloudFront standard logs need a bucket with ACLs, which every bucket here keeps off; the API logs every request it serves.');
  acknowledge(web, 'AwsSolutions-CFR4', 'The default certificate until a domain is given (-c webDomain); the API’s own origin takes TLS 1.2 or newer.');
};

/** The Cognito user pool, when the stack makes one. */
export const acknowledgeUserPool = (pool: IConstruct): void =>
  acknowledge(pool, 'AwsSolutions-COG8', 'The Essentials plan: passwords of 12 characters and a required authenticator code; the Plus plan’s threat protection is a choice of the deployment.');

/** The bucket of the access logs, which keeps no access log of its own. */
export const acknowledgeAccessLogBucket = (bucket: IConstruct): void =>
  acknowledge(bucket, 'AwsSolutions-S1', 'The bucket the other buckets’ access logs go to; logging it into itself would loop.');
