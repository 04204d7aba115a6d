/**
 * The public route's stack on the AWS-documented HTTP API v2 event (`../events/apigw-v2-post.json`):
 * no claims needed and none read, the client's address handed to the use case, an HTML form read as
 * strings (an empty field absent, a field named twice a 400, another content type a 415), and a 429
 * answered with `Retry-After`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { z } from 'zod';
import { Logger } from '@aws-lambda-powertools/logger';
import { ok, publicHandler } from '../../http/handler.js';
import { defineService } from '../../manifest.js';
import { TooManyRequestsError } from '../../errors.js';

const fixture = JSON.parse(readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../events/apigw-v2-post.json'), 'utf8')) as APIGatewayProxyEventV2;
const context = { functionName: 'test', awsRequestId: 'r1', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;

const manifest = defineService({
  name: 'test',
  produces: [],
  tables: {},
  functions: {
    file: {
      entry: 'x.ts',
      description: 'test',
      memoryMb: 128,
      timeoutSeconds: 1,
      triggers: [
        {
          type: 'http',
          method: 'POST',
          path: '/api/public/forms',
          public: true,
          form: true,
          roles: [],
          reach: { kind: 'listing' },
          summary: 't',
          request: { body: z.strictObject({ facts: z.string().max(20), phone: z.string().optional() }) },
          responses: {},
        },
      ],
    },
  },
});
const handler = publicHandler(manifest, 'file', { logger: new Logger({ logLevel: 'SILENT' }) }, async ({ body, clientAddress }) => {
  if (body.facts === 'too many') throw new TooManyRequestsError('slow down', 42);
  return ok({ body, clientAddress });
});

const invoke = async (body: string, contentType = 'application/x-www-form-urlencoded') => {
  const event = structuredClone(fixture);
  // No authorizer on a public route.
  delete (event.requestContext as { authorizer?: unknown }).authorizer;
  event.body = body;
  event.isBase64Encoded = false;
  event.headers = { ...event.headers, 'content-type': contentType };
  const result = await handler(event, context);
  return { status: result.statusCode, headers: result.headers ?? {}, body: JSON.parse(result.body ?? '{}') as Record<string, unknown> };
};

describe('a public route', () => {
  it('reads a form as strings, leaving out empty fields, and hands on the client address without any caller', async () => {
    const answer = await invoke('facts=%E5%85%AC%E8%BD%A6%E7%A7%81%E7%94%A8&phone=');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ body: { facts: '公车私用' }, clientAddress: fixture.requestContext.http.sourceIp });
  });

  it('reads an empty body as a form with no field filled, for the use case to say what is missing', async () => {
    const answer = await invoke('');
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ errors: [{ path: 'body.facts' }] });
  });

  it('refuses a field named twice (400), a field not in the form (400) and a JSON body (415), as problem+json', async () => {
    const twice = await invoke('facts=a&facts=b');
    const unknown = await invoke('facts=a&role=admin');
    const json = await invoke('{"facts":"a"}', 'application/json');
    expect([twice.status, unknown.status, json.status]).toEqual([400, 400, 415]);
    expect(twice.headers['content-type']).toBe('application/problem+json');
  });

  it('answers a rate limit as 429 problem+json with Retry-After', async () => {
    const answer = await invoke('facts=too+many');
    expect(answer.status).toBe(429);
    expect(answer.headers['retry-after']).toBe('42');
    expect(answer.body).toMatchObject({ status: 429, title: '请求过于频繁，请稍后再试' });
  });
});
