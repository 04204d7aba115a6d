import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { requireEnv } from '../env.js';
import { tableEnvName } from '../manifest.js';

let baseClient: DynamoDBClient | undefined;
let documentClient: DynamoDBDocumentClient | undefined;

/**
 * The DynamoDB client, created once per process. `DYNAMODB_ENDPOINT` points it at DynamoDB Local; in
 * Lambda the default endpoint and credentials apply.
 */
export const dynamoClient = (): DynamoDBClient => {
  if (!baseClient) {
    const endpoint = process.env.DYNAMODB_ENDPOINT;
    baseClient = new DynamoDBClient({
      ...(endpoint
        ? {
            endpoint,
            region: process.env.AWS_REGION ?? 'local',
            credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
          }
        : {}),
      maxAttempts: 5,
    });
  }
  return baseClient;
};

/** The document client over {@link dynamoClient}, created once per process. */
export const dynamo = (): DynamoDBDocumentClient => {
  if (!documentClient) {
    documentClient = DynamoDBDocumentClient.from(dynamoClient(), {
      marshallOptions: { removeUndefinedValues: true },
    });
  }
  return documentClient;
};

/** The deployed name of one of a service's tables, from the environment the manifest sets. */
export const tableName = (service: string, table = 'main'): string => requireEnv(tableEnvName(service, table));

/** True when a single write (PutItem, UpdateItem, DeleteItem) failed because its condition did not hold. */
export const conditionFailed = (error: unknown): boolean => (error as Error | undefined)?.name === 'ConditionalCheckFailedException';

/** Why each item of a cancelled TransactWriteItems was cancelled (`ConditionalCheckFailed`, `TransactionConflict`, `None`…); none for any other error. */
export const cancellationCodes = (error: unknown): string[] =>
  (error as Error | undefined)?.name === 'TransactionCanceledException'
    ? ((error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? []).map((r) => r.Code ?? 'None')
    : [];

/** True when a TransactWriteItems failed because the condition of item `index` did not hold. */
export const conditionFailedAt = (error: unknown, index: number): boolean => {
  const reasons = (error as { CancellationReasons?: Array<{ Code?: string }> } | undefined)?.CancellationReasons;
  return (error as Error | undefined)?.name === 'TransactionCanceledException' && reasons?.[index]?.Code === 'ConditionalCheckFailed';
};

/** The TTL attribute of every table: outbox, inbox and idempotency items expire through it. */
export const ttlAttribute = 'expiresAt';

/** Seconds since the epoch, `days` from `from`: the value of a TTL attribute. */
export const ttlAfterDays = (from: Date, days: number): number => Math.floor(from.getTime() / 1000) + days * 86_400;

/** Every item a Query gives, page after page. */
export const queryAll = async (input: QueryCommandInput): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
};

/**
 * Every item of one partition (`pk`), page after page; with `prefix`, only those whose sort key
 * starts with it; `consistent` for a strongly consistent read.
 */
export const queryPartition = (table: string, pk: string, options: { readonly prefix?: string; readonly consistent?: boolean } = {}): Promise<Record<string, unknown>[]> =>
  queryAll({
    TableName: table,
    KeyConditionExpression: options.prefix ? 'pk = :pk AND begins_with(sk, :prefix)' : 'pk = :pk',
    ExpressionAttributeValues: { ':pk': pk, ...(options.prefix ? { ':prefix': options.prefix } : {}) },
    ...(options.consistent ? { ConsistentRead: true } : {}),
  });
