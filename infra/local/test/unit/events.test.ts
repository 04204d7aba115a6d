import { readFileSync } from 'node:fs';
import path from 'node:path';
import { APIGatewayProxyEventV2Schema } from '@aws-lambda-powertools/parser/schemas/api-gatewayv2';
import { KafkaMskEventSchema } from '@aws-lambda-powertools/parser/schemas/kafka';
import { DynamoDBStreamSchema } from '@aws-lambda-powertools/parser/schemas/dynamodb';
import { apiGatewayTime, isTextBody, toHttpEvent, toMskEvent, toStreamEvent, type HttpRequestParts } from '../../events.js';
import { repoRoot } from '../../paths.js';
import { coalescer } from '../../kafkaSources.js';
import { loadFixture } from '#events/fixtures/index.js';

/** An AWS sample event of shared/test/events/aws/ (its README names the source of each). */
const awsSample = <T = Record<string, any>>(name: string): T => // eslint-disable-line @typescript-eslint/no-explicit-any
  JSON.parse(readFileSync(path.join(repoRoot, 'shared/test/events/aws', name), 'utf8')) as T;

/** The keys of an object, sorted, for comparing shapes. */
const keysOf = (value: unknown): string[] => Object.keys(value as object).sort();

/** A POST of a JSON body with a cookie, through the local gateway. */
const postParts = (overrides: Partial<HttpRequestParts> = {}): HttpRequestParts => ({
  method: 'POST',
  rawPath: '/api/units',
  rawQueryString: '',
  headers: {
    host: 'localhost:3000',
    'user-agent': 'curl/8.5.0',
    accept: '*/*',
    'accept-encoding': 'gzip, deflate',
    'content-type': 'application/x-www-form-urlencoded',
    'content-length': '55',
    authorization: 'Bearer x',
    cookie: 'theme=dark; lang=zh-CN',
  },
  body: Buffer.from(JSON.stringify({ name: '北湖县', category: '县（市、区）委' })),
  sourceIp: '::ffff:127.0.0.1',
  routeKey: 'POST /api/units',
  pathParameters: {},
  claims: { sub: 's', 'custom:role': 'admin', token_use: 'id' },
  ...overrides,
});

describe('the events the local runtime builds', () => {
  it('builds HTTP API v2 events, base64 for binary bodies', () => {
    // Act
    const event = toHttpEvent({
      method: 'PUT',
      rawPath: '/api/units/u1/annual-reports/2026',
      rawQueryString: 'a=1&a=2&b=3',
      headers: { host: 'localhost:3000', 'content-type': 'application/octet-stream' },
      body: Buffer.from([0, 1, 2]),
      sourceIp: '::ffff:127.0.0.1',
      routeKey: 'PUT /api/units/{unitId}/annual-reports/{year}',
      pathParameters: { unitId: 'u1', year: '2026' },
      claims: { sub: 's', 'custom:role': 'unit_staff' },
    });

    // Assess
    expect(APIGatewayProxyEventV2Schema.safeParse(event).error).toBeUndefined();
    expect(event).toMatchObject({ isBase64Encoded: true, body: 'AAEC', queryStringParameters: { a: '1,2', b: '3' } });
    expect(event.requestContext.http.sourceIp).toBe('127.0.0.1');
  });

  it('builds an HTTP API v2 event with the keys of the AWS sample: cookies, a base64 form body, a JWT authorizer', () => {
    // Prepare
    const sample = awsSample('apigw-v2-jwt-base64-cookies.json');

    // Act
    const event = toHttpEvent(postParts(), new Date('2026-03-12T19:03:58.123Z'));

    // Assess
    expect(APIGatewayProxyEventV2Schema.safeParse(sample).error).toBeUndefined();
    expect(APIGatewayProxyEventV2Schema.safeParse(event).error).toBeUndefined();
    expect(keysOf(event)).toEqual(keysOf(sample));
    expect(keysOf(event.requestContext)).toEqual(keysOf(sample.requestContext));
    expect(keysOf(event.requestContext.authorizer)).toEqual(['jwt']);
    expect(keysOf(event.requestContext.authorizer.jwt)).toEqual(keysOf(sample.requestContext.authorizer.jwt));
    expect(keysOf(event.headers)).toEqual(keysOf(sample.headers));
    expect(event).toMatchObject({ cookies: ['theme=dark', 'lang=zh-CN'], isBase64Encoded: true });
    expect(Buffer.from(event.body!, 'base64').toString('utf8')).toBe('{"name":"北湖县","category":"县（市、区）委"}');
    expect(event.requestContext.authorizer.jwt).toEqual({ claims: { sub: 's', 'custom:role': 'admin', token_use: 'id' }, scopes: null });
    expect(event.requestContext.time).toBe('12/Mar/2026:19:03:58 +0000');
    expect(event.requestContext.requestId).toMatch(/^[A-Za-z0-9+/]{15}=$/);
    expect(event.headers).toMatchObject({ 'x-forwarded-for': '127.0.0.1', 'x-forwarded-port': '3000', 'x-forwarded-proto': 'http' });
    expect(event.headers['x-amzn-trace-id']).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/);
  });

  it('hands text bodies on as text and every other body as base64, as API Gateway does for HTTP APIs', () => {
    // Prepare
    const types = ['application/json', 'application/json; charset=utf-8', 'text/plain', 'application/xml', 'application/javascript', undefined, 'application/x-www-form-urlencoded', 'application/octet-stream', 'application/merge-patch+json'];

    // Act
    const text = types.map((type) => isTextBody(type));

    // Assess
    expect(text).toEqual([true, true, true, true, true, false, false, false, false]);
  });

  it('builds the request the API accepts as the AWS sample of a JSON body: text, lower-case header names, the JWT scopes of the scope claim', () => {
    // Prepare
    const sample = awsSample('apigw-v2-jwt-cookies-json.json');
    const parts = postParts({
      headers: { Host: 'localhost:3000', 'Content-Type': 'application/json', 'X-Forwarded-For': '203.0.113.7' },
      claims: { sub: 's', 'custom:role': 'admin', scope: 'units/read units/write' },
    });

    // Act
    const event = toHttpEvent(parts);

    // Assess
    expect(sample).toMatchObject({ isBase64Encoded: false, headers: { 'content-type': 'application/json' } });
    expect(event).toMatchObject({ isBase64Encoded: false, body: '{"name":"北湖县","category":"县（市、区）委"}' });
    expect(event).not.toHaveProperty('cookies');
    expect(event.headers).toEqual({
      host: 'localhost:3000',
      'content-type': 'application/json',
      'x-forwarded-for': '203.0.113.7, 127.0.0.1',
      'x-forwarded-port': '3000',
      'x-forwarded-proto': 'http',
      'x-amzn-trace-id': expect.any(String),
    });
    expect(event.requestContext.authorizer.jwt.scopes).toEqual(['units/read', 'units/write']);
    expect(event.requestContext.domainName).toBe('localhost');
  });

  it('writes requestContext.time as API Gateway does, in UTC with a zero offset', () => {
    // Act
    const time = apiGatewayTime(new Date('2024-06-17T15:49:29.348Z'));

    // Assess
    expect(time).toBe(awsSample('apigw-v2-jwt-cookies-json.json').requestContext.time);
  });

  it('builds MSK events keyed topic-partition, with base64 key and value and byte-array headers', () => {
    // Prepare
    const value = JSON.stringify(loadFixture('reports.AnnualReportSubmitted.v1'));

    // Act
    const event = toMskEvent(
      [{ topic: 'reports.events', partition: 2, offset: '7', timestamp: '1795339800000', key: Buffer.from('u1'), value: Buffer.from(value), headers: { 'content-type': 'application/cloudevents+json' } }],
      '127.0.0.1:9092',
    );
    const parsed = KafkaMskEventSchema.parse(event);

    // Assess
    expect(Object.keys(parsed.records)).toEqual(['reports.events-2']);
    expect(parsed.records['reports.events-2']![0]).toMatchObject({ key: 'u1', value, offset: 7, headers: [{ 'content-type': 'application/cloudevents+json' }] });
  });

  it('leaves out the key of a record without one and the value of a tombstone, as the AWS samples do', () => {
    // Prepare
    const sample = awsSample('msk-tombstones.json').records['mytopic-0'];
    const base = { topic: 'mytopic', partition: 0, timestamp: '1545084650987', headers: { headerKey: 'headerValue' } };

    // Act
    const event = toMskEvent(
      [
        { ...base, offset: '15', key: Buffer.from('recordKey'), value: null },
        { ...base, offset: '16', key: null, value: Buffer.from('{}') },
      ],
      'b-1:9092',
    );

    // Assess
    const [tombstone, keyless] = event.records['mytopic-0']!;
    expect(keysOf(tombstone)).toEqual(keysOf(sample[0]));
    expect(keysOf(keyless)).toEqual(keysOf(awsSample('msk-keys-absent-and-null.json').records['mytopic-0'][1]));
    expect(tombstone).toEqual(sample[0]);
  });

  it('puts the records of several partitions in one event, with the timestamp type the broker reports and signed header bytes', () => {
    // Prepare
    const sample = awsSample('msk-several-partitions.json');
    const base = { topic: 'AWSKafkaTopic', key: Buffer.from('k'), value: Buffer.from('v'), timestamp: '1595035749700' };

    // Act
    const event = toMskEvent(
      [
        { ...base, partition: 0, offset: '0', headers: { headerKey: Buffer.from([118, 220, 0, 127, 128]) } },
        { ...base, partition: 1, offset: '0', batchContext: { timestampType: 1 } },
        { ...base, partition: 1, offset: '1', batchContext: { timestampType: 0 } },
        { ...base, partition: 1, offset: '2', attributes: 0x08 },
      ],
      'b-1:9092',
    );

    // Assess
    expect(keysOf(event)).toEqual(keysOf(sample));
    expect(keysOf(event.records)).toEqual(keysOf(sample.records));
    expect(event.records['AWSKafkaTopic-0']![0]!.headers).toEqual(sample.records['AWSKafkaTopic-0'][0].headers);
    expect(event.records['AWSKafkaTopic-1']!.map((r) => r.timestampType)).toEqual(['LOG_APPEND_TIME', 'CREATE_TIME', 'LOG_APPEND_TIME']);
  });

  it('gathers the chunks that partitions hand in together into invocations of at most the batch size, and settles each with its outcome', async () => {
    // Prepare
    const invocations: string[][] = [];
    const submit = coalescer(async (messages) => {
      invocations.push(Object.keys(toMskEvent(messages, 'b-1:9092').records));
      if (messages.some((m) => m.partition === 2)) throw new Error('function failed');
    }, 3);
    const chunk = (partition: number, count: number) =>
      Array.from({ length: count }, (_, i) => ({ topic: 't', partition, offset: String(i), timestamp: '0', key: null, value: Buffer.from('{}') }));

    // Act
    const outcomes = await Promise.allSettled([submit(chunk(0, 2)), submit(chunk(1, 1)), submit(chunk(2, 2))]);

    // Assess
    expect(invocations).toEqual([['t-0', 't-1'], ['t-2']]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
  });

  it('passes on the userIdentity and the old image of a delete made by TTL, as in the AWS sample', () => {
    // Prepare
    const sample = awsSample('ddb-stream-outbox-insert-and-ttl-remove.json').Records[3];

    // Act
    const event = toStreamEvent(
      [
        {
          eventID: sample.eventID,
          eventName: 'REMOVE',
          eventVersion: '1.1',
          userIdentity: { Type: 'Service', PrincipalId: 'dynamodb.amazonaws.com' },
          dynamodb: {
            ApproximateCreationDateTime: new Date(sample.dynamodb.ApproximateCreationDateTime * 1000),
            Keys: sample.dynamodb.Keys,
            OldImage: sample.dynamodb.OldImage,
            SequenceNumber: sample.dynamodb.SequenceNumber,
            SizeBytes: sample.dynamodb.SizeBytes,
            StreamViewType: 'NEW_AND_OLD_IMAGES',
          },
        },
      ],
      sample.eventSourceARN,
    );

    // Assess
    const [record] = event.Records;
    expect(DynamoDBStreamSchema.safeParse(event).error).toBeUndefined();
    expect(keysOf(record)).toEqual(keysOf(sample));
    expect(keysOf(record!.dynamodb)).toEqual(keysOf(sample.dynamodb));
    expect(record!.userIdentity).toEqual(sample.userIdentity);
    expect(record!.dynamodb!.OldImage).toEqual(sample.dynamodb.OldImage);
  });

  it('builds DynamoDB Streams events with epoch-second creation times', () => {
    // Act
    const event = toStreamEvent(
      [
        {
          eventID: 'e1',
          eventName: 'INSERT',
          eventVersion: '1.1',
          dynamodb: {
            ApproximateCreationDateTime: new Date('2026-11-22T09:30:00Z'),
            Keys: { pk: { S: 'OUTBOX#1' }, sk: { S: 'OUTBOX' } },
            NewImage: { pk: { S: 'OUTBOX#1' }, sk: { S: 'OUTBOX' }, kind: { S: 'outbox' } },
            SequenceNumber: '100',
            SizeBytes: 42,
            StreamViewType: 'NEW_IMAGE',
          },
        },
      ],
      'arn:aws:dynamodb:local:000000000000:table/reports/stream/x',
    );

    // Assess
    expect(DynamoDBStreamSchema.safeParse(event).error).toBeUndefined();
    expect(event.Records[0]!.dynamodb!.ApproximateCreationDateTime).toBe(1795339800);
  });
});
