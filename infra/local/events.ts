/**
 * Builders of the events the local runtime hands to functions, in the shapes AWS delivers:
 * HTTP API payload v2.0, the MSK event of a Kafka event source mapping, and the DynamoDB Streams
 * event. Each rule below names the page (or the AWS-maintained sample) it follows; the list is in
 * docs/adr/0007-aws-event-shapes-and-poison-records.md. Tests parse the results with the Powertools
 * parser schemas and compare them with AWS sample events (shared/test/events/aws/).
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 * https://docs.aws.amazon.com/lambda/latest/dg/with-msk.html
 * https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, DynamoDBRecord, DynamoDBStreamEvent, MSKEvent, MSKRecord } from 'aws-lambda';
import type { _Record as StreamRecord } from '@aws-sdk/client-dynamodb-streams';

/** The account id of every local ARN. */
export const localAccount = '000000000000';
/** The region of every local ARN. */
export const localRegion = 'local';

/** What the gateway knows of one request when it builds the event. */
export interface HttpRequestParts {
  readonly method: string;
  readonly rawPath: string;
  readonly rawQueryString: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  readonly sourceIp: string;
  readonly routeKey: string;
  readonly pathParameters: Readonly<Record<string, string>>;
  /** The verified token's claims, as strings; empty for a route without an authorizer. */
  readonly claims: Readonly<Record<string, string>>;
}

/**
 * Whether API Gateway hands a body on as text. The page says only that a binary body is base64
 * encoded; measured against HTTP APIs, text is `text/*`, `application/json`, `application/xml` and
 * `application/javascript` (parameters such as `charset` aside), and every other body, one without
 * a content type or a form (`application/x-www-form-urlencoded`) included, is base64.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 */
export const isTextBody = (contentType: string | undefined): boolean => {
  const media = (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase();
  return media.startsWith('text/') || media === 'application/json' || media === 'application/xml' || media === 'application/javascript';
};

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** `requestContext.time` as API Gateway writes it, in UTC: `12/Mar/2020:19:03:58 +0000`. */
export const apiGatewayTime = (at: Date): string =>
  `${two(at.getUTCDate())}/${months[at.getUTCMonth()]}/${at.getUTCFullYear()}:${two(at.getUTCHours())}:${two(at.getUTCMinutes())}:${two(at.getUTCSeconds())} +0000`;

/**
 * An HTTP API payload v2.0 event:
 * - header names in lower case, repeated headers joined with commas; the `Cookie` header becomes
 *   the `cookies` list (one entry per cookie) and leaves `headers`;
 * - `x-forwarded-for` (the client address appended), `x-forwarded-port`, `x-forwarded-proto` and an
 *   `x-amzn-trace-id` as API Gateway adds them (locally the client spoke plain HTTP to the gateway);
 * - the body as text or base64 by {@link isTextBody}, no `body` at all when there is none;
 * - `requestContext.authorizer` as the JWT authorizer sends it, `{ jwt: { claims, scopes } }` with
 *   `scopes` from the `scope` claim or null, and no `principalId` or `integrationLatency`
 *   (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html);
 * - `requestContext.time` in API Gateway's format and a request id of the same kind.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 */
/** A request id in API Gateway's form: 16 base64 characters, e.g. `JKJaXmPLvHcESHA=`. */
export const newRequestId = (): string => randomBytes(11).toString('base64');

export const toHttpEvent = (req: HttpRequestParts, now = new Date(), requestId = newRequestId()): APIGatewayProxyEventV2WithJWTAuthorizer => {
  const query = new URLSearchParams(req.rawQueryString);
  const queryStringParameters: Record<string, string> = {};
  for (const key of new Set(query.keys())) queryStringParameters[key] = query.getAll(key).join(',');

  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    const lower = name.toLowerCase();
    headers[lower] = headers[lower] === undefined ? value : `${headers[lower]},${value}`;
  }
  const cookieHeader = headers.cookie;
  delete headers.cookie;
  const cookies = (cookieHeader ?? '')
    .split(';')
    .map((cookie) => cookie.trim())
    .filter((cookie) => cookie.length > 0);
  const sourceIp = req.sourceIp.replace(/^::ffff:/, '');
  const host = headers.host ?? 'localhost';
  const hostName = host.replace(/:\d+$/, '');
  headers['x-forwarded-for'] = headers['x-forwarded-for'] ? `${headers['x-forwarded-for']}, ${sourceIp}` : sourceIp;
  headers['x-forwarded-port'] = /:(\d+)$/.exec(host)?.[1] ?? '80';
  headers['x-forwarded-proto'] = 'http';
  headers['x-amzn-trace-id'] ??= `Root=1-${Math.floor(now.getTime() / 1000).toString(16)}-${randomBytes(12).toString('hex')}`;

  const text = isTextBody(headers['content-type']);
  const hasBody = req.body.byteLength > 0;
  const claims = { ...req.claims };
  const scope = claims.scope ?? claims.scp;
  const requestContext = {
    accountId: localAccount,
    apiId: 'local',
    ...(Object.keys(claims).length > 0 ? { authorizer: { jwt: { claims, scopes: scope ? scope.split(' ').filter(Boolean) : null } } } : {}),
    domainName: hostName,
    domainPrefix: hostName.split('.')[0] ?? hostName,
    http: {
      method: req.method,
      path: req.rawPath,
      protocol: 'HTTP/1.1',
      sourceIp,
      userAgent: headers['user-agent'] ?? '',
    },
    // API Gateway's request ids are 16 characters of base64.
    requestId,
    routeKey: req.routeKey,
    stage: '$default',
    time: apiGatewayTime(now),
    timeEpoch: now.getTime(),
  } as APIGatewayProxyEventV2WithJWTAuthorizer['requestContext'];
  return {
    version: '2.0',
    routeKey: req.routeKey,
    rawPath: req.rawPath,
    rawQueryString: req.rawQueryString,
    ...(cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(query.size > 0 ? { queryStringParameters } : {}),
    ...(Object.keys(req.pathParameters).length > 0 ? { pathParameters: { ...req.pathParameters } } : {}),
    requestContext,
    ...(hasBody ? { body: text ? req.body.toString('utf8') : req.body.toString('base64') } : {}),
    isBase64Encoded: hasBody && !text,
  };
};

/** One message as kafkajs hands it to a consumer, with its topic and partition. */
export interface ConsumedMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly timestamp: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers?: Readonly<Record<string, Buffer | string | (Buffer | string)[] | undefined>>;
  /** The message attributes of the legacy message format; bit 3 set means LOG_APPEND_TIME. */
  readonly attributes?: number;
  /** kafkajs's context of a record batch (the current format); `timestampType` 1 means LOG_APPEND_TIME. */
  readonly batchContext?: { readonly timestampType?: number };
}

/** A record of an MSK event: `key` and `value` are absent when the Kafka record has none. */
export type MskEventRecord = Omit<MSKRecord, 'key' | 'value'> & { key?: string; value?: string };

/** An MSK event as Lambda sends it; unlike `MSKEvent` of @types/aws-lambda, a record may lack `key` or `value`. */
export type MskEvent = Omit<MSKEvent, 'records'> & { records: Record<string, MskEventRecord[]> };

/** Kafka's timestamp-type flag in the attributes of a legacy message (https://kafka.apache.org/documentation/#messageset). */
const logAppendTimeFlag = 0x08;

/** The timestamp type the broker reports for a message: from the record batch, or the legacy message's attributes. */
export const timestampTypeOf = (m: Pick<ConsumedMessage, 'attributes' | 'batchContext'>): MSKRecord['timestampType'] => {
  if (m.batchContext?.timestampType !== undefined) return m.batchContext.timestampType === 1 ? 'LOG_APPEND_TIME' : 'CREATE_TIME';
  return ((m.attributes ?? 0) & logAppendTimeFlag) !== 0 ? 'LOG_APPEND_TIME' : 'CREATE_TIME';
};

/**
 * Header bytes as Lambda writes them: Java bytes, so 0x80 to 0xFF appear as -128 to -1 (the
 * aws-lambda-go `KafkaRecord` headers and its sample event, testdata/kafka-event.json, carry such
 * negative values).
 */
const signedBytes = (value: Buffer | string): number[] => [...Buffer.from(value)].map((b) => (b > 127 ? b - 256 : b));

/**
 * An MSK event of the given messages: records keyed `topic-partition`, so one event can carry
 * several partitions; key and value in base64, each left out when the Kafka record has none (a
 * record without a key, a tombstone); `timestampType` as the broker reports it; headers as lists of
 * byte values, one object per header.
 * https://docs.aws.amazon.com/lambda/latest/dg/with-msk.html
 */
export const toMskEvent = (messages: readonly ConsumedMessage[], bootstrapServers: string): MskEvent => {
  const records: MskEvent['records'] = {};
  for (const m of messages) {
    const headers = Object.entries(m.headers ?? {}).flatMap(([name, value]) =>
      (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((v) => ({ [name]: signedBytes(v) })),
    );
    (records[`${m.topic}-${m.partition}`] ??= []).push({
      topic: m.topic,
      partition: m.partition,
      offset: Number(m.offset),
      timestamp: Number(m.timestamp),
      timestampType: timestampTypeOf(m),
      ...(m.key === null || m.key === undefined ? {} : { key: m.key.toString('base64') }),
      ...(m.value === null || m.value === undefined ? {} : { value: m.value.toString('base64') }),
      headers,
    });
  }
  return {
    eventSource: 'aws:kafka',
    eventSourceArn: `arn:aws:kafka:${localRegion}:${localAccount}:cluster/local/00000000-0000-0000-0000-000000000000-1`,
    bootstrapServers,
    records,
  };
};

/**
 * A DynamoDB Streams event, from the records GetRecords returned: `ApproximateCreationDateTime` in
 * epoch seconds, `OldImage` and `NewImage` as far as the stream view type has them, and the
 * `userIdentity` of a delete made by TTL (`{ type: 'Service', principalId: 'dynamodb.amazonaws.com' }`).
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/time-to-live-ttl-streams.html
 * https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html
 */
export const toStreamEvent = (records: readonly StreamRecord[], streamArn: string): DynamoDBStreamEvent => ({
  Records: records.map(
    (r): DynamoDBRecord => ({
      eventID: r.eventID ?? randomUUID(),
      eventName: r.eventName as DynamoDBRecord['eventName'],
      eventVersion: r.eventVersion ?? '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: localRegion,
      eventSourceARN: streamArn,
      dynamodb: {
        // The SDK gives a Date; Lambda delivers epoch seconds.
        ApproximateCreationDateTime: Math.floor((r.dynamodb?.ApproximateCreationDateTime?.getTime() ?? Date.now()) / 1000),
        Keys: r.dynamodb?.Keys as NonNullable<DynamoDBRecord['dynamodb']>['Keys'],
        ...(r.dynamodb?.NewImage ? { NewImage: r.dynamodb.NewImage as NonNullable<DynamoDBRecord['dynamodb']>['NewImage'] } : {}),
        ...(r.dynamodb?.OldImage ? { OldImage: r.dynamodb.OldImage as NonNullable<DynamoDBRecord['dynamodb']>['OldImage'] } : {}),
        SequenceNumber: r.dynamodb?.SequenceNumber ?? '',
        SizeBytes: r.dynamodb?.SizeBytes ?? 0,
        StreamViewType: (r.dynamodb?.StreamViewType ?? 'NEW_IMAGE') as NonNullable<DynamoDBRecord['dynamodb']>['StreamViewType'],
      },
      ...(r.userIdentity ? { userIdentity: { type: r.userIdentity.Type, principalId: r.userIdentity.PrincipalId } } : {}),
    }),
  ),
});
