/**
 * What integration tests share: a runtime on the global setup's broker and DynamoDB Local, tokens,
 * the HTTP client of the local tools, and polling.
 */
import { randomInt } from 'node:crypto';
import path from 'node:path';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { startRuntime, type Runtime } from '../../runtime.js';
import { localDynamoClient } from '../../dynamodb.js';
import { signToken } from '../../jwt.js';
import type { Role } from '#shared/auth/roles.js';
import type { InvocationListener } from '../../functions.js';
import { httpClient, type HttpAnswer, type HttpClient, type HttpRequestOptions } from '../../support/httpClient.js';
import { eventually } from '../../support/eventually.js';
import { statementAnswers } from '../../support/reportsFlow.js';
import { readState } from './state.js';

export { eventually };

/** Starts a runtime on the global setup's parts, with its own data folder and a free port. */
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

/** A document client on the global setup's DynamoDB Local. */
export const documentClient = (): DynamoDBDocumentClient => DynamoDBDocumentClient.from(localDynamoClient(readState().endpoint));

/** A development token of `role` (pinned to `unitId` if given, for the person `subject` if given), signed with the runtime's key. */
export const tokenFor = (runtime: Runtime, role: Role, unitId?: string, subject?: string): Promise<string> => signToken(runtime.keys, role, unitId, subject);

/** A gateway answer: status, content type, headers, and the body parsed as JSON (`{}` when empty). */
export type Answer<T = Record<string, unknown>> = HttpAnswer<T>;

const clients = new WeakMap<Runtime, HttpClient>();
const clientOf = (runtime: Runtime): HttpClient => {
  let client = clients.get(runtime);
  if (!client) clients.set(runtime, (client = httpClient(runtime.url)));
  return client;
};

/** Calls the gateway; `body` may be a string to send as it is; `headers` replace the defaults. */
export const api = async <T = Record<string, unknown>>(
  runtime: Runtime,
  method: string,
  path: string,
  options: HttpRequestOptions = {},
): Promise<Answer<T>> => clientOf(runtime).request<T>(method, path, options);

/**
 * A loopback address of its own (`127.x.y.z`), to send public requests from: the public routes limit
 * each client address, and every test (and the fuzz test) would otherwise share 127.0.0.1's budget.
 */
export const ownAddress = (): string => `127.${1 + randomInt(254)}.${randomInt(256)}.${1 + randomInt(254)}`;

/** Registers a unit as the system-wide admin. */
export const registerUnit = async (runtime: Runtime, name: string, parentId?: string, category = '县（市、区）委') => {
  const admin = await tokenFor(runtime, 'admin');
  const answer = await api<{ id: string }>(runtime, 'POST', '/api/units', { token: admin, body: { name, category, ...(parentId ? { parentId } : {}) } });
  if (answer.status !== 201) throw new Error(`register ${name}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.id;
};

/**
 * Waits until the reports service knows the unit: until then the unit is out of reach (403) for its
 * own people, as any unit the service does not know. The draft answers every item of the statement
 * (the unit has no published lists), so that it can be submitted.
 */
export const saveDraftWhenKnown = async (runtime: Runtime, unitId: string, year: number, token: string) =>
  eventually(async () => {
    const answer = await api(runtime, 'PUT', `/api/units/${unitId}/annual-reports/${year}`, {
      token,
      body: { summary: '年度报告', sections: [{ title: '主体责任', content: '落实情况' }], answers: statementAnswers() },
    });
    return answer.status === 403 || answer.status === 404 ? undefined : answer;
  }, 30_000, `reports to know unit ${unitId}`);
