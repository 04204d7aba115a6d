/** The VPC the Kafka cluster and the functions that use it share. */
import { RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** Props of {@link Network}. */
export interface NetworkProps {
  /** Days the flow log keeps. */
  readonly logRetentionDays: number;
}

/**
 * A two-zone VPC of isolated subnets: no internet gateway and no NAT gateway. What the functions
 * in it and the cluster's event source mappings reach is served by endpoints: DynamoDB and S3
 * (gateway endpoints, free), and STS, KMS and Lambda (interface endpoints; an MSK event source
 * mapping without a NAT gateway needs Lambda and STS:
 * https://docs.aws.amazon.com/lambda/latest/dg/with-msk-cluster-network.html). Only functions that
 * use Kafka are in it; the others run outside any VPC, as Lambda does by default, and reach
 * DynamoDB, S3, KMS and the SMS providers over TLS (docs/adr/0026-deployable-stack.md). Rejected
 * traffic goes to a flow log.
 */
export class Network extends Construct {
  /** The VPC. */
  readonly vpc: ec2.Vpc;
  /** Security group of the functions that use Kafka; the cluster admits it on the IAM port. */
  readonly functionSecurityGroup: ec2.SecurityGroup;
  /** Security group of the interface endpoints. */
  readonly endpointSecurityGroup: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: NetworkProps) {
    super(scope, id);
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      maxAzs: 2,
      natGateways: 0,
      subnetConfiguration: [{ name: 'private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 20 }],
      flowLogs: {
        rejected: {
          trafficType: ec2.FlowLogTrafficType.REJECT,
          destination: ec2.FlowLogDestination.toCloudWatchLogs(
            new logs.LogGroup(this, 'FlowLogs', { retention: props.logRetentionDays as logs.RetentionDays, removalPolicy: RemovalPolicy.DESTROY }),
          ),
        },
      },
    });
    this.vpc.addGatewayEndpoint('DynamoDb', { service: ec2.GatewayVpcEndpointAwsService.DYNAMODB });
    this.vpc.addGatewayEndpoint('S3', { service: ec2.GatewayVpcEndpointAwsService.S3 });
    this.functionSecurityGroup = new ec2.SecurityGroup(this, 'FunctionSecurityGroup', {
      vpc: this.vpc,
      description: 'Lambda functions of the clean-governance services that use Kafka',
      // The subnets have no route out of the VPC but the endpoints' (the gateway endpoints' prefix
      // lists would need a lookup in the account to name in a rule), so all outbound stays inside.
      allowAllOutbound: true,
    });
    // The interface endpoints admit HTTPS from the functions and from what else the stack names
    // (the Kafka cluster's event source mappings), not from the whole VPC.
    this.endpointSecurityGroup = new ec2.SecurityGroup(this, 'EndpointSecurityGroup', {
      vpc: this.vpc,
      description: 'Interface endpoints (STS, KMS, Lambda)',
      allowAllOutbound: false,
    });
    this.endpointSecurityGroup.addIngressRule(this.functionSecurityGroup, ec2.Port.tcp(443), 'Lambda functions');
    for (const [name, service] of [
      ['Sts', ec2.InterfaceVpcEndpointAwsService.STS],
      ['Kms', ec2.InterfaceVpcEndpointAwsService.KMS],
      ['Lambda', ec2.InterfaceVpcEndpointAwsService.LAMBDA],
    ] as const) {
      this.vpc.addInterfaceEndpoint(name, { service, privateDnsEnabled: true, open: false, securityGroups: [this.endpointSecurityGroup] });
    }
  }

  /** The subnets the functions that use Kafka and the cluster are placed in. */
  get privateSubnets(): ec2.SubnetSelection {
    return { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };
  }
}
