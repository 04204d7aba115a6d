import { APIGatewayProxyEventV2Schema } from '@aws-lambda-powertools/parser/schemas/api-gatewayv2';
import { KafkaMskEventSchema } from '@aws-lambda-powertools/parser/schemas/kafka';
import { DynamoDBStreamSchema } from '@aws-lambda-powertools/parser/schemas/dynamodb';
import { toHttpEvent, toMskEvent, toStreamEvent } from '../../events.js';
import { loadFixture } from '#events/fixtures/index.js';

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
