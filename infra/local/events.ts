/**
 * Builders of the events the local runtime hands to functions, in the shapes AWS delivers:
 * HTTP API payload v2.0, the MSK event of a Kafka event source mapping, and the DynamoDB Streams
 * event. A test parses each with the Powertools parser schemas.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 * https://docs.aws.amazon.com/lambda/latest/dg/with-msk.html
 * https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html
 */
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, DynamoDBRecord, DynamoDBStreamEvent, MSKEvent } from 'aws-lambda';
import type { _Record as StreamRecord } from '@aws-sdk/client-dynamodb-streams';

export const localAccount = '000000000000';
export const localRegion = 'local';

export interface HttpRequestParts {
  readonly method: string;
  readonly rawPath: string;
  readonly rawQueryString: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  readonly sourceIp: string;
  readonly routeKey: string;
  readonly pathParameters: Readonly<Record<string, string>>;
  readonly claims: Readonly<Record<string, string>>;
}

/** Binary-looking bodies are base64-encoded, as API Gateway does; JSON and text go as they are. */
const isText = (contentType: string | undefined) => !contentType || /json|text|xml|form-urlencoded/i.test(contentType);

export const toHttpEvent = (req: HttpRequestParts, now = new Date()): APIGatewayProxyEventV2WithJWTAuthorizer => {
  const query = new URLSearchParams(req.rawQueryString);
  const queryStringParameters: Record<string, string> = {};
  for (const key of new Set(query.keys())) queryStringParameters[key] = query.getAll(key).join(',');
  const text = isText(req.headers['content-type']);
  const requestId = randomUUID();
  return {
    version: '2.0',
    routeKey: req.routeKey,
    rawPath: req.rawPath,
    rawQueryString: req.rawQueryString,
    headers: { ...req.headers },
    ...(query.size > 0 ? { queryStringParameters } : {}),
    ...(Object.keys(req.pathParameters).length > 0 ? { pathParameters: { ...req.pathParameters } } : {}),
    requestContext: {
      accountId: localAccount,
      apiId: 'local',
      authorizer: { principalId: '', integrationLatency: 0, jwt: { claims: { ...req.claims }, scopes: [] } },
      domainName: req.headers.host ?? 'localhost',
      domainPrefix: (req.headers.host ?? 'localhost').split('.')[0] ?? 'localhost',
      http: {
        method: req.method,
        path: req.rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: req.sourceIp.replace(/^::ffff:/, ''),
        userAgent: req.headers['user-agent'] ?? '',
      },
      requestId,
      routeKey: req.routeKey,
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
    },
    ...(req.body.byteLength > 0 ? { body: text ? req.body.toString('utf8') : req.body.toString('base64') } : {}),
    isBase64Encoded: req.body.byteLength > 0 && !text,
  };
};

export interface ConsumedMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly timestamp: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers?: Readonly<Record<string, Buffer | string | (Buffer | string)[] | undefined>>;
}

/** An MSK event of one topic-partition batch: base64 key and value, headers as byte arrays. */
export const toMskEvent = (messages: readonly ConsumedMessage[], bootstrapServers: string): MSKEvent => {
  const records: MSKEvent['records'] = {};
  for (const m of messages) {
    const headers = Object.entries(m.headers ?? {}).flatMap(([name, value]) =>
      (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((v) => ({ [name]: [...Buffer.from(v)] })),
    );
    (records[`${m.topic}-${m.partition}`] ??= []).push({
      topic: m.topic,
      partition: m.partition,
      offset: Number(m.offset),
      timestamp: Number(m.timestamp),
      timestampType: 'CREATE_TIME',
      key: (m.key ?? Buffer.alloc(0)).toString('base64'),
      value: (m.value ?? Buffer.alloc(0)).toString('base64'),
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

/** A DynamoDB Streams event, from the records GetRecords returned. */
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
        SequenceNumber: r.dynamodb?.SequenceNumber ?? '',
        SizeBytes: r.dynamodb?.SizeBytes ?? 0,
        StreamViewType: (r.dynamodb?.StreamViewType ?? 'NEW_IMAGE') as NonNullable<DynamoDBRecord['dynamodb']>['StreamViewType'],
      },
    }),
  ),
});
