/**
 * What integration tests share: a runtime on the global setup's broker and DynamoDB Local, tokens,
 * a small HTTP client and polling.
 */
import path from 'node:path';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { startRuntime, type Runtime } from '../../runtime.js';
import { localDynamoClient } from '../../dynamodb.js';
import { signToken } from '../../jwt.js';
import type { Role } from '#shared/auth/roles.js';
import type { InvocationListener } from '../../functions.js';
import { readState } from './state.js';

export const startTestRuntime = async (onInvoke?: InvocationListener): Promise<Runtime> => {
  const state = readState();
  // Refusals and retries are what these tests provoke; keep their log lines out of the output.
  process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
  return startRuntime({
    kafkaBrokers: state.brokers,
    dynamoEndpoint: state.endpoint,
    dataDir: path.join(state.dataDir, 'runtime'),
    port: 0,
    ...(onInvoke ? { onInvoke } : {}),
    log: () => undefined,
  });
};

export const documentClient = (): DynamoDBDocumentClient => DynamoDBDocumentClient.from(localDynamoClient(readState().endpoint));

export const tokenFor = (runtime: Runtime, role: Role, unitId?: string): Promise<string> => signToken(runtime.keys, role, unitId);

export interface Answer<T = Record<string, unknown>> {
  readonly status: number;
  readonly contentType: string;
  readonly body: T;
}

/** Calls the gateway; `body` may be a string to send as it is. */
export const api = async <T = Record<string, unknown>>(
  runtime: Runtime,
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<Answer<T>> => {
  const res = await fetch(`${runtime.url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    ...(options.body === undefined ? {} : { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }),
  });
  const text = await res.text();
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', body: (text ? JSON.parse(text) : {}) as T };
};

/** Polls until `check` gives a value other than undefined, or fails after `timeoutMs`. */
export const eventually = async <T>(check: () => Promise<T | undefined>, timeoutMs = 30_000, what = 'condition'): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

/** Registers a unit as the system-wide admin. */
export const registerUnit = async (runtime: Runtime, name: string, parentId?: string, category = '县（市、区）委') => {
  const admin = await tokenFor(runtime, 'admin');
  const answer = await api<{ id: string }>(runtime, 'POST', '/api/units', { token: admin, body: { name, category, ...(parentId ? { parentId } : {}) } });
  if (answer.status !== 201) throw new Error(`register ${name}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.id;
};

/** Waits until the reports service knows the unit (a draft no longer answers 404). */
export const saveDraftWhenKnown = async (runtime: Runtime, unitId: string, year: number, token: string) =>
  eventually(async () => {
    const answer = await api(runtime, 'PUT', `/api/units/${unitId}/annual-reports/${year}`, {
      token,
      body: { summary: '年度报告', sections: [{ title: '主体责任', content: '落实情况' }] },
    });
    return answer.status === 404 ? undefined : answer;
  }, 30_000, `reports to know unit ${unitId}`);
