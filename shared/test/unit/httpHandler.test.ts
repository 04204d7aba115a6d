import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { z } from 'zod';
import { Logger } from '@aws-lambda-powertools/logger';
import { APIGatewayProxyEventV2Schema } from '@aws-lambda-powertools/parser/schemas/api-gatewayv2';
import { created, httpHandler } from '../../http/handler.js';
import type { HttpTrigger } from '../../manifest.js';
import { NotFoundError } from '../../errors.js';

const fixture = JSON.parse(
  readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../events/apigw-v2-post.json'), 'utf8'),
) as APIGatewayProxyEventV2;
const context = { functionName: 'test', awsRequestId: 'r1', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;
const trigger: HttpTrigger = { type: 'http', method: 'POST', path: '/api/units', roles: ['admin'], summary: 't', responses: {} };
const Body = z.strictObject({ name: z.string().min(1), category: z.string().min(1) });
const calls: unknown[] = [];
const handler = httpHandler(trigger, new Logger({ logLevel: 'SILENT' }), { body: Body }, async ({ body, caller }) => {
  calls.push(body);
  if (body.name === 'missing') throw new NotFoundError('no such parent');
  return created({ ...body, by: caller.role });
});

const invoke = async (change: (event: APIGatewayProxyEventV2) => void) => {
  const event = structuredClone(fixture);
  change(event);
  const result = await handler(event, context);
  return { status: result.statusCode, type: result.headers?.['content-type'], body: JSON.parse(result.body ?? '{}') as Record<string, unknown> };
};

beforeEach(() => {
  calls.length = 0;
});

describe('the HTTP middleware stack', () => {
  it('takes the fixture, which has the real HTTP API v2 shape', async () => {
    // Prepare
    expect(APIGatewayProxyEventV2Schema.safeParse(fixture).error).toBeUndefined();

    // Act
    const answer = await invoke(() => undefined);

    // Assess
    expect(answer).toEqual({ status: 201, type: 'application/json', body: { name: '东湖县', category: '县（市、区）委', by: 'admin' } });
  });

  type Change = (event: APIGatewayProxyEventV2) => void;
  it.each<[string, Change, number, string | undefined]>([
    ['malformed JSON', (e) => void (e.body = '{"name":'), 400, undefined],
    ['a schema violation', (e) => void (e.body = '{"name":"","category":"x"}'), 400, 'body.name'],
    ['an unknown field', (e) => void (e.body = '{"name":"a","category":"x","extra":1}'), 400, 'body'],
    ['a body over 256 KB', (e) => void (e.body = JSON.stringify({ name: 'x'.repeat(262_145), category: 'x' })), 413, undefined],
    ['no claims', (e) => void delete (e.requestContext as { authorizer?: unknown }).authorizer, 401, undefined],
    ['a role the route does not allow', (e) => void ((e.requestContext as unknown as { authorizer: { jwt: { claims: Record<string, string> } } }).authorizer.jwt.claims['custom:role'] = 'unit_staff'), 403, undefined],
    ['a typed error of the use case', (e) => void (e.body = '{"name":"missing","category":"x"}'), 404, undefined],
  ])('answers %s as problem+json', async (_name, change, status, field) => {
    // Act
    const answer = await invoke(change);

    // Assess
    expect(answer.status).toBe(status);
    expect(answer.type).toBe('application/problem+json');
    expect(answer.body).toMatchObject({ status, type: expect.stringMatching(/^\/problems\//), title: expect.any(String), instance: '/api/units' });
    if (field) expect((answer.body.errors as Array<{ path: string }>).map((e) => e.path)).toContain(field);
    if (status !== 404) expect(calls).toHaveLength(0);
  });
});
