/** An S3 bucket declared by a service manifest. */
import { Duration, RemovalPolicy, Tags } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { BucketSpec } from '#shared/manifest.js';
import { BUCKET_TAG, bucketTagValue } from './tags.js';

/** Props of {@link ServiceBucket}. */
export interface ServiceBucketProps {
  readonly service: string;
  readonly bucketKey: string;
  readonly spec: BucketSpec;
}

/**
 * A private bucket of uploaded files: every kind of public access blocked, TLS required, objects
 * encrypted with S3-managed keys, owned by the bucket's account, retained when the stack goes (the
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
      encryption: s3.BucketEncryption.S3_MANAGED,
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
