/**
 * Every bucket a manifest declares becomes one private S3 bucket that outlives the stack; only the
 * functions that declare they use it learn its name and may read, put and delete its objects.
 */
import { services } from '#services/index.js';
import { bucketEnvName, qualifiedName, type ServiceManifest } from '#shared/manifest.js';
import { BUCKET_TAG } from '../lib/tags.js';
import { functionIds, referencedId, resourcesOf, roleStatementsOf, synthesize, tagOf } from './support/platform.js';

const declared = services.flatMap((service) => Object.keys(service.buckets ?? {}).map((bucket) => ({ service, bucket })));

/** The logical id of each manifest bucket, by `<service>.<bucket>`. */
const bucketIds = (template: ReturnType<typeof synthesize>): Map<string, string> =>
  new Map(Object.entries(resourcesOf(template, 'AWS::S3::Bucket')).flatMap(([id, resource]) => (tagOf(resource, BUCKET_TAG) ? [[tagOf(resource, BUCKET_TAG)!, id] as const] : [])));

/** The S3 actions a function's role has on a bucket's objects. */
const objectActions = (template: ReturnType<typeof synthesize>, functionId: string, bucketId: string): string[] =>
  roleStatementsOf(template, functionId)
    .filter((s) => s.Effect === 'Allow' && s.Resource.some((r) => JSON.stringify(r).includes(`"${bucketId}"`) && JSON.stringify(r).includes('/*')))
    .flatMap((s) => s.Action);

describe('buckets', () => {
  it('are private, TLS-only, encrypted with their service’s key, retained S3 buckets that take presigned PUTs only', () => {
    // Act
    const template = synthesize();

    // Assess
    expect(declared.length).toBeGreaterThan(0);
    const ids = bucketIds(template);
    expect([...ids.keys()].sort()).toEqual(declared.map(({ service, bucket }) => `${service.name}.${bucket}`).sort());
    const buckets = resourcesOf(template, 'AWS::S3::Bucket');
    for (const id of ids.values()) {
      const bucket = buckets[id]!;
      expect(bucket.DeletionPolicy).toBe('Retain');
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
      // The service's own KMS key, with an S3 Bucket Key.
      expect(bucket.Properties.BucketEncryption).toEqual({
        ServerSideEncryptionConfiguration: [{ BucketKeyEnabled: true, ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': [expect.stringMatching(/datakey/), 'Arn'] } } }],
      });
      expect(bucket.Properties.CorsConfiguration).toEqual({ CorsRules: [{ AllowedMethods: ['PUT'], AllowedOrigins: ['*'], AllowedHeaders: ['content-type', 'content-length'], MaxAge: 3600 }] });
      expect(bucket.Properties.VersioningConfiguration).toBeUndefined();
    }
    // enforceSSL: a bucket policy that denies any request not over TLS.
    const policies = Object.values(resourcesOf(template, 'AWS::S3::BucketPolicy'));
    for (const id of ids.values()) {
      const policy = policies.find((p) => referencedId(p.Properties.Bucket) === id);
      expect(policy?.Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
    }
  });

  it('reach only the functions that use them: the bucket’s name in their environment, and read, put and delete on its objects', () => {
    // Act
    const template = synthesize();

    // Assess
    const functions = functionIds(template);
    const buckets = bucketIds(template);
    const lambdas = resourcesOf(template, 'AWS::Lambda::Function');
    let users = 0;
    for (const service of services) {
      for (const [name, fn] of Object.entries(service.functions)) {
        const id = functions.get(qualifiedName(service.name, name))!;
        const variables = lambdas[id]!.Properties.Environment.Variables as Record<string, unknown>;
        for (const { service: owner, bucket } of declared) {
          const bucketId = buckets.get(`${owner.name}.${bucket}`)!;
          const uses = owner === service && (fn.usesBuckets ?? []).includes(bucket);
          users += uses ? 1 : 0;
          const actions = objectActions(template, id, bucketId);
          if (uses) {
            expect({ name, variable: variables[bucketEnvName(owner.name, bucket)] }).toEqual({ name, variable: { Ref: bucketId } });
            expect({ name, actions: [...actions].sort() }).toEqual({ name, actions: ['s3:DeleteObject', 's3:GetObject', 's3:PutObject'] });
          } else {
            expect({ name, variable: variables[bucketEnvName(owner.name, bucket)] }).toEqual({ name, variable: undefined });
            expect({ name, actions }).toEqual({ name, actions: [] });
          }
        }
      }
    }
    expect(users).toBeGreaterThan(0);
  });

  it('refuses a function that uses a bucket its manifest does not declare', () => {
    // Prepare
    const reports = services.find((s) => s.name === 'reports')!;
    const wrong: ServiceManifest = { name: 'reports', produces: reports.produces, tables: reports.tables, functions: { relay: { ...reports.functions.relay!, usesBuckets: ['attachments'] } } };

    // Act / Assess
    expect(() => synthesize({ services: [wrong] })).toThrow("reports-relay uses bucket(s) 'attachments', which the manifest of reports does not declare");
  });
});
