import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { z } from 'zod';
import { Logger } from '@aws-lambda-powertools/logger';
import { APIGatewayProxyEventV2Schema } from '@aws-lambda-powertools/parser/schemas/api-gatewayv2';
import { created, httpHandler } from '../../http/handler.js';
import { defineService } from '../../manifest.js';
import { Text, UnitId } from '../../http/inputs.js';
import { NotFoundError } from '../../errors.js';
import type { TreePosition } from '../../auth/reach.js';
import { metricTally, resetMetricTally, tallyKey } from '../../metrics.js';

const eventFile = (name: string) => JSON.parse(readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../events', name), 'utf8')) as APIGatewayProxyEventV2;
const fixture = eventFile('apigw-v2-post.json');
const context = { functionName: 'test', awsRequestId: 'r1', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;

const parentId = '0196a0f2-3b7c-7d1e-9f00-1a2b3c4d5e6f';
const manifest = defineService({
  name: 'test',
  produces: [],
  tables: {},
  functions: {
    register: {
      entry: 'x.ts',
      description: 'test',
      memoryMb: 128,
      timeoutSeconds: 1,
      triggers: [
        {
          type: 'http',
          method: 'POST',
          path: '/api/units',
          roles: ['admin'],
          reach: { kind: 'subtree', unit: { in: 'body', name: 'parentId' } },
          summary: 't',
          request: { body: z.strictObject({ name: Text(20), category: Text(20), parentId: UnitId.optional() }) },
          responses: {},
        },
      ],
    },
  },
});
const directory = new Map<string, TreePosition>([[parentId, { id: parentId, ancestorIds: [] }]]);
const calls: unknown[] = [];
const handler = httpHandler(manifest, 'register', { logger: new Logger({ logLevel: 'SILENT' }), units: async (id) => directory.get(id) }, async ({ body, caller, correlationId, traceparent }) => {
  calls.push(body);
  if (body.name === 'missing') throw new NotFoundError('no such thing');
  if (body.name === 'crash') throw new Error('secret table name in a stack trace');
  return created({ ...body, by: caller.role, correlationId, traceparent });
});

const invoke = async (change: (event: APIGatewayProxyEventV2) => void) => {
  const event = structuredClone(fixture);
  change(event);
  const result = await handler(event, context);
  return { status: result.statusCode, type: result.headers?.['content-type'], body: JSON.parse(result.body ?? '{}') as Record<string, unknown> };
};
const claims = (e: APIGatewayProxyEventV2) => (e.requestContext as unknown as { authorizer: { jwt: { claims: Record<string, string> } } }).authorizer.jwt.claims;

beforeEach(() => {
  calls.length = 0;
});

describe('the HTTP middleware stack', () => {
  it('takes the fixture, which has the real HTTP API v2 shape, and trims the text it accepts', async () => {
    // Prepare
    expect(APIGatewayProxyEventV2Schema.safeParse(fixture).error).toBeUndefined();

    // Act
    const answer = await invoke((e) => void (e.body = '{"name":"  东湖县 ","category":"县（市、区）委"}'));

    // Assess
    expect(answer).toEqual({
      status: 201,
      type: 'application/json',
      body: { name: '东湖县', category: '县（市、区）委', by: 'admin', correlationId: 'JKJaXmPLvHcESHA=' },
    });
  });

  it.each([
    ['a JSON request with cookies and a Cognito ID token', 'aws/apigw-v2-jwt-cookies-json.json', 201],
    ['a form post, which API Gateway hands on base64-encoded', 'aws/apigw-v2-jwt-base64-cookies.json', 415],
  ])('runs on an event AWS delivered: %s', async (_what, file, status) => {
    // Prepare
    const event = eventFile(file);
    expect(APIGatewayProxyEventV2Schema.safeParse(event).error).toBeUndefined();

    // Act
    const result = await handler(event, context);

    // Assess
    expect(result.statusCode).toBe(status);
    expect(calls).toHaveLength(status === 201 ? 1 : 0);
  });

  it('reads a base64 body, as API Gateway hands on one it takes for binary', async () => {
    // Act
    const answer = await invoke((e) => {
      e.body = Buffer.from(JSON.stringify({ name: '西山县', category: '县委' })).toString('base64');
      e.isBase64Encoded = true;
    });

    // Assess
    expect(answer.status).toBe(201);
    expect(answer.body.name).toBe('西山县');
  });

  it('hands on a well-formed traceparent and drops a malformed one', async () => {
    // Prepare
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

    // Act
    const good = await invoke((e) => void (e.headers.traceparent = traceparent));
    const bad = await invoke((e) => void (e.headers.traceparent = 'not-a-trace'));

    // Assess
    expect(good.body.traceparent).toBe(traceparent);
    expect(bad.body).not.toHaveProperty('traceparent');
  });

  type Change = (event: APIGatewayProxyEventV2) => void;
  it.each<[string, Change, number, string | undefined]>([
    ['malformed JSON', (e) => void (e.body = '{"name":'), 400, undefined],
    ['a schema violation', (e) => void (e.body = '{"name":"","category":"x"}'), 400, 'body.name'],
    ['blank text', (e) => void (e.body = '{"name":"   ","category":"x"}'), 400, 'body.name'],
    ['an unknown field', (e) => void (e.body = '{"name":"a","category":"x","extra":1}'), 400, 'body'],
    ['a duplicate key', (e) => void (e.body = '{"name":"a","category":"x","name":"b"}'), 400, 'body.name'],
    ['a malformed unit id', (e) => void (e.body = `{"name":"a","category":"x","parentId":"${'x'.repeat(2000)}"}`), 400, 'body.parentId'],
    ['a body that is not UTF-8', (e) => ((e.body = Buffer.from([0x7b, 0xff, 0x7d]).toString('base64')), (e.isBase64Encoded = true)), 400, undefined],
    ['a body that is not application/json', (e) => void (e.headers['content-type'] = 'text/plain'), 415, undefined],
    ['a body with no content type', (e) => void delete e.headers['content-type'], 415, undefined],
    ['a body over 256 KB', (e) => void (e.body = JSON.stringify({ name: 'x'.repeat(262_145), category: 'x' })), 413, undefined],
    ['no claims', (e) => void delete (e.requestContext as { authorizer?: unknown }).authorizer, 401, undefined],
    ['a role the route does not allow', (e) => void (claims(e)['custom:role'] = 'unit_staff'), 403, undefined],
    ['a parent out of reach', (e) => ((claims(e)['custom:unit'] = '0196a0f2-0000-7000-8000-000000000001'), (e.body = `{"name":"a","category":"x","parentId":"${parentId}"}`)), 403, undefined],
    ['an unknown parent, to a unit-bound admin', (e) => ((claims(e)['custom:unit'] = parentId), (e.body = '{"name":"a","category":"x","parentId":"0196a0f2-0000-7000-8000-000000000002"}')), 403, undefined],
    ['an unknown parent, to the whole tree’s admin', (e) => void (e.body = '{"name":"a","category":"x","parentId":"0196a0f2-0000-7000-8000-000000000002"}'), 404, undefined],
    ['a root unit asked by a unit-bound admin', (e) => void (claims(e)['custom:unit'] = parentId), 403, undefined],
  ])('answers %s as problem+json, before the use case runs', async (_name, change, status, field) => {
    // Act
    const answer = await invoke(change);

    // Assess
    expect(answer.status).toBe(status);
    expect(answer.type).toBe('application/problem+json');
    expect(answer.body).toMatchObject({ status, type: expect.stringMatching(/^\/problems\//), title: expect.any(String), instance: '/api/units' });
    if (field) expect((answer.body.errors as Array<{ path: string }>).map((e) => e.path)).toContain(field);
    expect(calls).toHaveLength(0);
  });

  it('answers a typed error of the use case with its status', async () => {
    // Act
    const answer = await invoke((e) => void (e.body = '{"name":"missing","category":"x"}'));

    // Assess
    expect(answer).toMatchObject({ status: 404, type: 'application/problem+json', body: { type: '/problems/not-found' } });
  });

  it('answers an unexpected error as a bare 500 that says nothing of its cause', async () => {
    // Act
    const answer = await invoke((e) => void (e.body = '{"name":"crash","category":"x"}'));

    // Assess
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({ type: '/problems/internal', title: '服务器内部错误', status: 500, instance: '/api/units' });
  });

  it('counts every response by status class, refusals included', async () => {
    // Prepare
    resetMetricTally();

    // Act
    await invoke(() => undefined);
    await invoke((e) => void (e.body = '{"name":'));
    await invoke((e) => void (e.body = '{"name":"crash","category":"x"}'));

    // Assess
    const of = (statusClass: string) => metricTally()[tallyKey('HttpResponses', { service: 'test', statusClass })];
    expect([of('2xx'), of('4xx'), of('5xx')]).toEqual([1, 1, 1]);
  });
});
