/**
 * `Idempotency-Key` on routes that create something, with Powertools idempotency on the service's
 * own table: a retry with the same key (from the same caller) gets the first answer and creates
 * nothing new; the same key with another body is a 422; a retry while the first is still running is
 * a 409. Without the header the route runs as usual.
 * https://docs.powertools.aws.dev/lambda/typescript/latest/features/idempotency/
 */
import { IdempotencyAlreadyInProgressError, IdempotencyConfig, IdempotencyValidationError, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import type { Caller } from '../auth/claims.js';
import { dynamoClient, tableName, ttlAttribute } from '../dynamo/client.js';
import { ConflictError, UnprocessableError, ValidationError } from '../errors.js';
import type { HttpResult } from './handler.js';

/** How long a key is remembered: a day, as the header's draft suggests for retries. */
const keyRetentionSeconds = 24 * 3600;
/** Printable ASCII, as a header value; at most 255 characters. */
const keyPattern = /^[\x21-\x7e]{1,255}$/;

const stores = new Map<string, DynamoDBPersistenceLayer>();
const storeFor = (service: string, functionName: string): DynamoDBPersistenceLayer => {
  const name = `${service}-${functionName}`;
  let store = stores.get(name);
  if (!store) {
    // One partition per function in the service's own table, as its other items: pk/sk and the
    // table's TTL attribute.
    store = new DynamoDBPersistenceLayer({
      tableName: tableName(service),
      keyAttr: 'pk',
      sortKeyAttr: 'sk',
      staticPkValue: `IDEMPOTENCY#${name}`,
      expiryAttr: ttlAttribute,
      awsSdkV3Client: dynamoClient(),
    });
    stores.set(name, store);
  }
  return store;
};

/** The request an idempotent creation belongs to. */
export interface IdempotentRequest {
  readonly service: string;
  readonly functionName: string;
  readonly event: APIGatewayProxyEventV2;
  /** The Lambda context: a request still in progress when the function times out may be retried. */
  readonly context: Context;
  readonly caller: Caller;
  readonly body: unknown;
}

/** Runs `create` once per caller and `Idempotency-Key`; see the module comment. */
export const withIdempotency = async ({ service, functionName, event, context, caller, body }: IdempotentRequest, create: () => Promise<HttpResult>): Promise<HttpResult> => {
  const key = event.headers?.['idempotency-key'];
  if (key === undefined) return create();
  if (!keyPattern.test(key)) {
    throw new ValidationError('Idempotency-Key must be 1 to 255 printable ASCII characters', [{ path: 'header.idempotency-key', message: '格式不正确 / malformed' }]);
  }
  const config = new IdempotencyConfig({ eventKeyJmesPath: 'key', payloadValidationJmesPath: 'body', expiresAfterSeconds: keyRetentionSeconds });
  config.registerLambdaContext(context);
  const once = makeIdempotent(async (_request: { key: string; body: unknown }) => create(), { persistenceStore: storeFor(service, functionName), config });
  try {
    return await once({ key: `${caller.subject}#${key}`, body: body ?? null });
  } catch (error) {
    if (error instanceof IdempotencyValidationError) {
      throw new UnprocessableError('This Idempotency-Key was used with another body', { cause: error });
    }
    if (error instanceof IdempotencyAlreadyInProgressError) {
      throw new ConflictError('A request with this Idempotency-Key is still being processed', { cause: error });
    }
    throw error;
  }
};
