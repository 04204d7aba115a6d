/** A DynamoDB table declared by a service manifest. */
import { RemovalPolicy, Tags } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import type { TableSpec } from '#shared/manifest.js';
import { ttlAttribute } from '#shared/dynamo/client.js';
import { TABLE_TAG, tableTagValue } from './tags.js';

/** Props of {@link ServiceTable}. */
export interface ServiceTableProps {
  readonly service: string;
  readonly tableKey: string;
  readonly spec: TableSpec;
  /** The service's own key, which encrypts the table and its stream. */
  readonly encryptionKey: kms.IKey;
}

/**
 * A single-table-design table: `pk`/`sk` string keys, on-demand billing, TTL on the manifest's
 * attribute, a NEW_IMAGE stream when the manifest asks for one; encrypted with the service's own
 * KMS key, with point-in-time recovery (35 days) and deletion protection, and retained when the
 * stack goes. CDK names it; functions learn the name from `tableEnvName(service, tableKey)`.
 */
export class ServiceTable extends dynamodb.Table {
  constructor(scope: Construct, id: string, props: ServiceTableProps) {
    super(scope, id, {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'sk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: ttlAttribute,
      ...(props.spec.stream ? { stream: dynamodb.StreamViewType.NEW_IMAGE } : {}),
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: props.encryptionKey,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Tags.of(this).add(TABLE_TAG, tableTagValue(props.service, props.tableKey));
  }
}
