/**
 * The CloudFormation resource types the stack may declare in the China regions (Beijing
 * cn-north-1 and Ningxia cn-northwest-1), each with where it is shown to be offered there. Every
 * type below is in the CloudFormation resource registry of both regions, as the region schemas of
 * cfn-lint (which `npm run lint:cfn` runs with `--regions cn-north-1 cn-northwest-1`) hold it, and
 * its service's page in "Getting Started with Amazon Web Services in China"
 * (https://docs.amazonaws.cn/en_us/aws/latest/userguide/services.html) lists it in both regions.
 * What is not offered there, and what the stack does instead, is in docs/adr/0026-deployable-stack.md.
 */
const guide = (page: string): string => `https://docs.amazonaws.cn/en_us/aws/latest/userguide/${page}.html`;

const sources = {
  apiGateway: guide('api-gateway'),
  cloudFront: guide('cloudfront'),
  cloudWatch: guide('cloudwatch'),
  dynamoDb: guide('dynamodb'),
  ec2: guide('ec2'),
  iam: guide('iam'),
  kms: guide('kms'),
  lambda: guide('lambda'),
  logs: guide('cloudwatchlogs'),
  msk: guide('msk'),
  s3: guide('s3'),
  scheduler: guide('eventbridge'),
  sns: guide('sns'),
  cloudFormation: guide('cloudformation'),
} as const;

export const chinaResourceTypes: Readonly<Record<string, string>> = {
  'AWS::ApiGatewayV2::Api': sources.apiGateway,
  'AWS::ApiGatewayV2::Authorizer': sources.apiGateway,
  'AWS::ApiGatewayV2::Integration': sources.apiGateway,
  'AWS::ApiGatewayV2::Route': sources.apiGateway,
  'AWS::ApiGatewayV2::Stage': sources.apiGateway,
  'AWS::CloudFormation::Stack': sources.cloudFormation,
  'AWS::CloudFront::CachePolicy': sources.cloudFront,
  'AWS::CloudFront::CloudFrontOriginAccessIdentity': sources.cloudFront,
  'AWS::CloudFront::Distribution': sources.cloudFront,
  'AWS::CloudFront::ResponseHeadersPolicy': sources.cloudFront,
  'AWS::CloudWatch::Alarm': sources.cloudWatch,
  'AWS::CloudWatch::Dashboard': sources.cloudWatch,
  'AWS::DynamoDB::Table': sources.dynamoDb,
  'AWS::EC2::FlowLog': sources.ec2,
  'AWS::EC2::Route': sources.ec2,
  'AWS::EC2::RouteTable': sources.ec2,
  'AWS::EC2::SecurityGroup': sources.ec2,
  'AWS::EC2::SecurityGroupEgress': sources.ec2,
  'AWS::EC2::SecurityGroupIngress': sources.ec2,
  'AWS::EC2::Subnet': sources.ec2,
  'AWS::EC2::SubnetRouteTableAssociation': sources.ec2,
  'AWS::EC2::VPC': sources.ec2,
  'AWS::EC2::VPCEndpoint': sources.ec2,
  'AWS::IAM::Policy': sources.iam,
  'AWS::IAM::Role': sources.iam,
  'AWS::KMS::Key': sources.kms,
  'AWS::Lambda::EventSourceMapping': sources.lambda,
  'AWS::Lambda::Function': sources.lambda,
  'AWS::Lambda::LayerVersion': sources.lambda,
  'AWS::Lambda::Permission': sources.lambda,
  'AWS::Logs::LogGroup': sources.logs,
  'AWS::MSK::Cluster': sources.msk,
  'AWS::MSK::Topic': sources.msk,
  'AWS::S3::Bucket': sources.s3,
  'AWS::S3::BucketPolicy': sources.s3,
  'AWS::Scheduler::Schedule': sources.scheduler,
  'AWS::SNS::Topic': sources.sns,
  'AWS::SNS::TopicPolicy': sources.sns,
};
