/** The MSK Serverless cluster every service publishes to and consumes from. */
import { ArnFormat, Names, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as msk from 'aws-cdk-lib/aws-msk';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';

/** MSK's broker port for SASL/IAM clients (https://docs.aws.amazon.com/msk/latest/developerguide/port-info.html). */
export const MSK_IAM_PORT = 9098;

/** Props of {@link ServerlessKafka}. */
export interface ServerlessKafkaProps {
  readonly vpc: ec2.IVpc;
  readonly subnets: ec2.SubnetSelection;
  /** The security group of the clients (the Lambda functions). */
  readonly clients: ec2.ISecurityGroup;
}

/**
 * An MSK Serverless cluster with IAM authentication in the private subnets, the bootstrap broker
 * string for clients, and a grant for the Kafka permissions a function needs.
 */
export class ServerlessKafka extends Construct {
  /** The cluster's ARN (event source mappings point at it). */
  readonly clusterArn: string;
  /** The cluster's name (part of topic and group ARNs). */
  readonly clusterName: string;
  /** `host:9098` bootstrap broker string for SASL/IAM clients. */
  readonly bootstrapBrokers: string;
  /** The security group attached to the cluster. */
  readonly securityGroup: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: ServerlessKafkaProps) {
    super(scope, id);
    this.clusterName = Names.uniqueResourceName(this, { maxLength: 64, separator: '-' });

    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: 'MSK Serverless cluster',
      allowAllOutbound: true,
    });
    this.securityGroup.addIngressRule(props.clients, ec2.Port.tcp(MSK_IAM_PORT), 'Lambda functions (SASL/IAM)');
    // Lambda's MSK event source mappings connect through ENIs that carry the *cluster's* security
    // group, so the group must admit itself on the broker port
    // (https://docs.aws.amazon.com/lambda/latest/dg/with-msk-cluster-network.html).
    this.securityGroup.addIngressRule(this.securityGroup, ec2.Port.tcp(MSK_IAM_PORT), 'Lambda event source mappings');

    const cluster = new msk.CfnServerlessCluster(this, 'Cluster', {
      clusterName: this.clusterName,
      clientAuthentication: { sasl: { iam: { enabled: true } } },
      vpcConfigs: [
        {
          subnetIds: props.vpc.selectSubnets(props.subnets).subnetIds,
          securityGroups: [this.securityGroup.securityGroupId],
        },
      ],
    });
    this.clusterArn = cluster.attrArn;

    // CloudFormation does not return the bootstrap brokers of a serverless cluster, so a custom
    // resource reads them once with kafka:GetBootstrapBrokers and the functions get them as the
    // KAFKA_BROKERS environment variable
    // (https://docs.aws.amazon.com/msk/1.0/apireference/clusters-clusterarn-bootstrap-brokers.html).
    const brokers = new cr.AwsCustomResource(this, 'BootstrapBrokers', {
      onUpdate: {
        service: 'Kafka',
        action: 'getBootstrapBrokers',
        parameters: { ClusterArn: this.clusterArn },
        physicalResourceId: cr.PhysicalResourceId.of(this.clusterArn),
        outputPaths: ['BootstrapBrokerStringSaslIam'],
      },
      policy: cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: [this.clusterArn] }),
      installLatestAwsSdk: false,
    });
    this.bootstrapBrokers = brokers.getResponseField('BootstrapBrokerStringSaslIam');
  }

  /**
   * Grants a function what it needs to produce, consume and create topics over SASL/IAM, and what
   * its MSK event source mappings need (https://docs.aws.amazon.com/lambda/latest/dg/with-msk-permissions.html).
   */
  grantClientAccess(grantee: iam.IGrantable): void {
    const arn = (resource: 'topic' | 'group'): string =>
      Stack.of(this).formatArn({
        service: 'kafka',
        resource,
        resourceName: `${this.clusterName}/*`,
        arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
      });
    iam.Grant.addToPrincipal({
      grantee,
      actions: [
        'kafka-cluster:Connect',
        'kafka-cluster:DescribeCluster',
        'kafka-cluster:DescribeClusterDynamicConfiguration',
        // Serverless clusters need DescribeClusterV2 for event source mappings (see link above).
        'kafka:DescribeClusterV2',
        'kafka:GetBootstrapBrokers',
      ],
      resourceArns: [this.clusterArn],
    });
    iam.Grant.addToPrincipal({
      grantee,
      actions: [
        'kafka-cluster:DescribeTopic',
        'kafka-cluster:DescribeTopicDynamicConfiguration',
        'kafka-cluster:CreateTopic',
        'kafka-cluster:WriteData',
        'kafka-cluster:ReadData',
      ],
      resourceArns: [arn('topic')],
    });
    iam.Grant.addToPrincipal({
      grantee,
      actions: ['kafka-cluster:AlterGroup', 'kafka-cluster:DescribeGroup'],
      resourceArns: [arn('group')],
    });
  }
}
