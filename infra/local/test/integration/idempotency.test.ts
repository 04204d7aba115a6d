/**
 * `Idempotency-Key` on the routes that create something, through the local gateway on DynamoDB
 * Local: a retry gets the first answer and creates nothing new; the same key with another body is a
 * 422; another caller's same key is another request.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Runtime } from '../../runtime.js';
import { signToken } from '../../jwt.js';
import { api, documentClient, startTestRuntime } from '../support/harness.js';

let runtime: Runtime;
const suffix = Date.now().toString(36);

beforeAll(async () => {
  runtime = await startTestRuntime();
});

afterAll(async () => {
  await runtime?.stop();
});

const unitsNamed = async (name: string) =>
  (
    await documentClient().send(
      new QueryCommand({
        TableName: 'signing',
        KeyConditionExpression: 'pk = :pk',
        FilterExpression: '#n = :name',
        ExpressionAttributeNames: { '#n': 'name' },
        ExpressionAttributeValues: { ':pk': 'UNITS', ':name': name },
      }),
    )
  ).Items ?? [];

const register = async (token: string, key: string | undefined, body: unknown) => {
  const answer = await api(runtime, 'POST', '/api/units', { token, body, headers: key === undefined ? {} : { 'idempotency-key': key } });
  return { status: answer.status, contentType: answer.contentType, body: answer.body };
};

describe('Idempotency-Key on POST /api/units', () => {
  it('answers a retry with the first answer and creates one unit', async () => {
    // Prepare
    const admin = await signToken(runtime.keys, 'admin', undefined, `idem-a-${suffix}`);
    const body = { name: `幂等市-${suffix}`, category: '市委' };

    // Act
    const first = await register(admin, `key-${suffix}`, body);
    const second = await register(admin, `key-${suffix}`, body);

    // Assess
    expect(first.status).toBe(201);
    expect(second).toEqual(first);
    expect(await unitsNamed(body.name)).toHaveLength(1);
  });

  it('refuses the same key with another body with 422, and creates nothing', async () => {
    // Prepare
    const admin = await signToken(runtime.keys, 'admin', undefined, `idem-b-${suffix}`);
    await register(admin, `other-${suffix}`, { name: `首次-${suffix}`, category: '市委' });

    // Act
    const answer = await register(admin, `other-${suffix}`, { name: `改过-${suffix}`, category: '市委' });

    // Assess
    expect(answer.status).toBe(422);
    expect(answer.contentType).toBe('application/problem+json');
    expect(await unitsNamed(`改过-${suffix}`)).toHaveLength(0);
  });

  it('keeps two callers’ keys apart, and without a key creates every time', async () => {
    // Prepare
    const one = await signToken(runtime.keys, 'admin', undefined, `idem-c1-${suffix}`);
    const two = await signToken(runtime.keys, 'admin', undefined, `idem-c2-${suffix}`);
    const body = { name: `分开-${suffix}`, category: '市委' };

    // Act
    const answers = [await register(one, `shared-${suffix}`, body), await register(two, `shared-${suffix}`, body), await register(one, undefined, body)];

    // Assess
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(3);
    expect(await unitsNamed(body.name)).toHaveLength(3);
  });

  it('refuses a malformed key with 400', async () => {
    // Act
    const answer = await register(await signToken(runtime.keys, 'admin'), 'x'.repeat(256), { name: `坏键-${suffix}`, category: '市委' });

    // Assess
    expect(answer.status).toBe(400);
    expect(await unitsNamed(`坏键-${suffix}`)).toHaveLength(0);
  });
});
