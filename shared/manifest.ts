/**
 * The service manifest: one typed object per service (`services/<name>/service.ts`) that says which
 * functions it has, what triggers each of them, which tables it owns and which topics it produces.
 * The CDK app (`infra/lib`) and the local runtime (`infra/local`) are both built from these objects,
 * so what runs locally is what deploys.
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { defineService } from '#shared/manifest.js';
 *
 * export default defineService({
 *   name: 'signing',
 *   produces: ['signing.events'],
 *   tables: { main: { name: 'signing', stream: true } },
 *   functions: {
 *     registerUnit: {
 *       entry: 'src/handlers/registerUnit.ts',
 *       description: 'Registers a unit',
 *       memoryMb: 512,
 *       timeoutSeconds: 10,
 *       triggers: [
 *         {
 *           type: 'http',
 *           method: 'POST',
 *           path: '/api/units',
 *           roles: ['admin'],
 *           reach: { kind: 'subtree', unit: { in: 'body', name: 'parentId' } },
 *           summary: 'Register a unit',
 *           request: { body: z.strictObject({ name: z.string(), parentId: z.string().optional() }) },
 *           responses: { 201: { description: 'The unit' } },
 *         },
 *       ],
 *     },
 *   },
 * });
 * ```
 */
import type { z } from 'zod';
import type { Role } from './auth/roles.js';
import type { ReachRule } from './auth/reach.js';
import type { TopicName } from '#events/topics.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** An HTTP API route; `path` uses API Gateway's `{param}` syntax. */
export interface HttpTrigger {
  readonly type: 'http';
  readonly method: HttpMethod;
  readonly path: string;
  /** Roles allowed to call the route; the handler's middleware enforces it. Empty for a public route. */
  readonly roles: readonly Role[];
  /**
   * A route for people without an account (the public site and complaint intake): no authorizer,
   * no token read even if one is sent, `roles` empty and `reach` a listing. Its handler is a
   * `publicHandler`, which knows the client's address and nothing of who they are.
   */
  readonly public?: boolean;
  /**
   * The body is an HTML form (`application/x-www-form-urlencoded`) rather than JSON: a page of the
   * public site that works without JavaScript. Its fields are strings; an empty one is absent.
   */
  readonly form?: boolean;
  /** Which units the caller may act on; the shared guard enforces it (`shared/http/guard.ts`). */
  readonly reach: ReachRule;
  readonly summary: string;
  /**
   * The only schemas of the route's input: `httpHandler` parses with them and the OpenAPI document is
   * generated from them. `path` and `query` are objects of the parameters by name.
   */
  readonly request?: { readonly path?: z.ZodType; readonly query?: z.ZodType; readonly body?: z.ZodType };
  readonly responses: Readonly<Record<number, { readonly description: string; readonly body?: z.ZodType; readonly contentType?: string }>>;
  /** The route honours an `Idempotency-Key` header (creating routes). */
  readonly idempotent?: boolean;
  /** A larger body than the default (`MAX_BODY_BYTES`, 256 KB) this route takes, e.g. a file to import; at most 6 MB, Lambda's synchronous payload. */
  readonly maxBodyBytes?: number;
}

/** A Kafka event source mapping (MSK in AWS, a kafkajs consumer group locally). */
export interface KafkaTrigger {
  readonly type: 'kafka';
  readonly topic: TopicName;
  readonly batchSize: number;
  readonly startingPosition: 'TRIM_HORIZON' | 'LATEST';
}

/** A DynamoDB Streams event source mapping on one of the service's own tables. */
export interface StreamTrigger {
  readonly type: 'stream';
  readonly table: string;
  readonly batchSize: number;
  /** Only records whose new image has `kind` equal to this value reach the function. */
  readonly kindFilter: string;
}

/** An EventBridge Scheduler schedule. */
export interface ScheduleTrigger {
  readonly type: 'schedule';
  /** Six-field EventBridge cron, e.g. `0 9 25 1 ? *`. */
  readonly cron: string;
  readonly timeZone: string;
}

export type Trigger = HttpTrigger | KafkaTrigger | StreamTrigger | ScheduleTrigger;

export interface FunctionSpec {
  /** Path of the handler module, relative to the service folder; it exports `handler`. */
  readonly entry: string;
  readonly description: string;
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
  readonly triggers: readonly Trigger[];
  /** The service's signing keys this function signs with; every function of the service may read their public keys. */
  readonly signsWith?: readonly string[];
  /** The service's encryption keys this function encrypts with, and those it may also decrypt with. */
  readonly encryptsWith?: readonly string[];
  readonly decryptsWith?: readonly string[];
  /**
   * The service's buckets this function reads, puts and deletes objects in; only these functions
   * learn where a bucket is ({@link bucketEnvName}) and may touch it.
   */
  readonly usesBuckets?: readonly string[];
  /**
   * The function sends email and SMS through the notification port: the CDK app lets it use SES
   * and SNS and tells it which providers to use; locally they are captured.
   */
  readonly sendsNotifications?: boolean;
}

export interface TableSpec {
  /** The table's base name; deployments may prefix it. */
  readonly name: string;
  readonly stream: boolean;
}

/**
 * An asymmetric key the service signs with and that its table does not hold: a KMS key in AWS, a
 * key file in the local runtime's data folder. Its location reaches the functions through
 * {@link signingKeyEnvName}.
 */
export interface SigningKeySpec {
  readonly description: string;
}

/**
 * A symmetric key that encrypts what the service keeps of people (a complainant's contact details):
 * a KMS key in AWS, a key file in the local runtime's data folder, never in the table. Its location
 * reaches the functions through {@link encryptionKeyEnvName}.
 */
export interface EncryptionKeySpec {
  readonly description: string;
}

/**
 * A store of files the service keeps beside its table (uploaded evidence, say): a private S3 bucket
 * in AWS, a folder in the local runtime's data folder. Clients upload to it with a presigned URL
 * that a function makes; its location reaches the functions that use it through
 * {@link bucketEnvName}. How large an object may be is the service's rule, signed into each upload
 * URL (a bucket itself has no size limit).
 */
export interface BucketSpec {
  readonly description: string;
}

export interface ServiceManifest {
  readonly name: string;
  readonly produces: readonly TopicName[];
  readonly tables: Readonly<Record<string, TableSpec>>;
  readonly signingKeys?: Readonly<Record<string, SigningKeySpec>>;
  readonly encryptionKeys?: Readonly<Record<string, EncryptionKeySpec>>;
  readonly buckets?: Readonly<Record<string, BucketSpec>>;
  readonly functions: Readonly<Record<string, FunctionSpec>>;
}

/**
 * A function behind one HTTP route: 512 MB and 10 s unless `options` say otherwise, with the keys
 * it signs with and the buckets it uses, if any.
 */
export const httpFunction = <
  const T extends Omit<HttpTrigger, 'type'>,
  const O extends Partial<Pick<FunctionSpec, 'memoryMb' | 'timeoutSeconds' | 'signsWith' | 'usesBuckets' | 'encryptsWith' | 'decryptsWith'>> = Record<never, never>,
>(
  entry: string,
  description: string,
  trigger: T,
  options?: O,
) => ({
  entry,
  description,
  memoryMb: 512,
  timeoutSeconds: 10,
  ...options,
  triggers: [{ type: 'http' as const, ...trigger }],
});

/** Declares a service manifest; it only checks the shape at compile time. */
export const defineService = <const M extends ServiceManifest>(manifest: M): M => manifest;

/** The environment variable through which a function learns the name of one of its tables. */
export const tableEnvName = (service: string, table: string): string =>
  `${service}_${table}_TABLE`.toUpperCase().replace(/[^A-Z0-9_]/g, '_');

/** The environment variable that tells a function where one of its service's signing keys is (`file:<path>` or a KMS key ARN). */
export const signingKeyEnvName = (service: string, key: string): string => `${service}_${key}_KEY`.toUpperCase().replace(/[^A-Z0-9_]/g, '_');

/** The environment variable that tells a function where one of its service's encryption keys is (`file:<path>` or a KMS key ARN). */
export const encryptionKeyEnvName = (service: string, key: string): string => `${service}_${key}_ENCRYPTION_KEY`.toUpperCase().replace(/[^A-Z0-9_]/g, '_');

/** The environment variable that tells a function where one of its service's buckets is (`file:<folder>` or an S3 bucket name). */
export const bucketEnvName = (service: string, bucket: string): string => `${service}_${bucket}_BUCKET`.toUpperCase().replace(/[^A-Z0-9_]/g, '_');

/**
 * The buckets a function uses, each checked against the manifest's `buckets`: the CDK app and the
 * local runtime both refuse a function that names a bucket its service does not declare.
 */
export const bucketsUsedBy = (manifest: ServiceManifest, functionName: string): string[] => {
  const used = manifest.functions[functionName]?.usesBuckets ?? [];
  const undeclared = used.filter((bucket) => manifest.buckets?.[bucket] === undefined);
  if (undeclared.length > 0) {
    throw new Error(
      `${qualifiedName(manifest.name, functionName)} uses bucket(s) ${undeclared.map((b) => `'${b}'`).join(', ')}, which the manifest of ${manifest.name} does not declare: add them to its \`buckets\`.`,
    );
  }
  return [...used];
};

/** The triggers of one kind, with the function each belongs to. */
export const triggersOf = <T extends Trigger['type']>(
  manifest: ServiceManifest,
  type: T,
): Array<{ functionName: string; fn: FunctionSpec; trigger: Extract<Trigger, { type: T }> }> =>
  Object.entries(manifest.functions).flatMap(([functionName, fn]) =>
    fn.triggers
      .filter((t): t is Extract<Trigger, { type: T }> => t.type === type)
      .map((trigger) => ({ functionName, fn, trigger })),
  );

/** The name a function gets in both the local runtime and the CDK app: `<service>-<function>`. */
export const qualifiedName = (service: string, functionName: string): string => `${service}-${functionName}`;
