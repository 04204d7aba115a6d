/** An S3 bucket declared by a service manifest. */
import { Duration, RemovalPolicy, Tags } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { BucketSpec } from '#shared/manifest.js';
import { BUCKET_TAG, bucketTagValue } from './tags.js';

/** Props of {@link ServiceBucket}. */
export interface ServiceBucketProps {
  readonly service: string;
  readonly bucketKey: string;
  readonly spec: BucketSpec;
  /** The service's own key, which encrypts the objects. */
  readonly encryptionKey: kms.IKey;
  /** The bucket server access logs go to. */
  readonly accessLogs?: s3.IBucket;
}

/**
 * A private bucket of uploaded files: every kind of public access blocked, TLS required, objects
 * encrypted with the service's own KMS key (an S3 Bucket Key keeps the KMS requests few), access
 * logged, owned by the bucket's account, retained when the stack goes (the
 * files are evidence). Clients upload with presigned PUT URLs that a function makes, so CORS allows
 * a PUT carrying only the headers the URL signs; nothing is read through CORS. CDK names it;
 * functions learn the name from `bucketEnvName(service, bucketKey)`.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/PresignedUrlUploadObject.html
 */
export class ServiceBucket extends s3.Bucket {
  constructor(scope: Construct, id: string, props: ServiceBucketProps) {
    super(scope, id, {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: props.encryptionKey,
      bucketKeyEnabled: true,
      ...(props.accessLogs ? { serverAccessLogsBucket: props.accessLogs, serverAccessLogsPrefix: `${props.service}.${props.bucketKey}/` } : {}),
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: false,
      removalPolicy: RemovalPolicy.RETAIN,
      cors: [
        {
          allowedMethods: [s3.HttpMethods.PUT],
          allowedOrigins: ['*'],
          allowedHeaders: ['content-type', 'content-length'],
          maxAge: Duration.hours(1).toSeconds(),
        },
      ],
    });
    Tags.of(this).add(BUCKET_TAG, bucketTagValue(props.service, props.bucketKey));
  }
}
