/**
 * Deploys a CDK app to LocalStack community in host mode, checks every resource of every stack
 * against the synthesized template through the services' APIs (stackChecks.ts), invokes functions
 * through the Lambda API, then destroys the stacks and stops LocalStack.
 *
 * Which app (read once, when the file loads):
 * - `LOCALSTACK_CDK_OUT=<dir>`: an already synthesized cloud assembly;
 * - by default the project's app (cdk.json's) with `-c target=localstack`, synthesized here;
 *   `LOCALSTACK_CDK_APP=<app command>` another app, `LOCALSTACK_CDK_CONTEXT=key=value,…` other context;
 * - `LOCALSTACK_CDK_APP=fixture`: the fixture app, test/fixtureApp.ts, which also gets behaviour
 *   tests (invocation results, the filtered stream mapping end to end).
 * `LOCALSTACK_INVOKE_ALL=1` invokes every function of any app with `{}` to prove its bundle loads.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DescribeTableCommand, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { GetFunctionConfigurationCommand, InvokeCommand } from '@aws-sdk/client-lambda';
import { assemblyStacks, bootstrap, deploy, destroy, localstackDataDir, startLocalStack, synth, tsxApp, type LocalStack } from '../localstack.js';
import { FUNCTION_TAG } from '../../lib/tags.js';
import { FIXTURE_STACK } from './fixtureName.js';
import { checkResource, checkedTypes, clients, eventually, physicalIds, Resolver, type Clients, type Template } from './stackChecks.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The cloud assembly under test, synthesized before the tests are declared so that each resource
 * gets its own: by default the project's app with `-c target=localstack`.
 */
const assembly = async (): Promise<string> => {
  if (process.env.LOCALSTACK_CDK_OUT) return path.resolve(process.env.LOCALSTACK_CDK_OUT);
  const appSetting = process.env.LOCALSTACK_CDK_APP ?? 'project';
  const context = Object.fromEntries(
    (process.env.LOCALSTACK_CDK_CONTEXT ?? (appSetting === 'project' ? 'target=localstack' : ''))
      .split(',')
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
  );
  const app = appSetting === 'fixture' ? tsxApp(path.join(here, 'fixtureApp.ts')) : appSetting === 'project' ? undefined : appSetting;
  const outDir = path.join(localstackDataDir(), appSetting === 'fixture' ? 'fixture.out' : 'app.out');
  return synth({ ...(app ? { app } : {}), outDir, context });
};

/** A stack or nested stack of the assembly; nested ones are named `<parent>/<logical id>`. */
interface StackUnit {
  name: string;
  template: Template;
  parent?: { name: string; logicalId: string };
}

const outDir = await assembly();
const readTemplate = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Template;
/** The stacks with their nested stacks (templates the CDK writes as assets, named in `aws:asset:path`), parents first. */
const withNested = (unit: StackUnit): StackUnit[] => [
  unit,
  ...Object.entries(unit.template.Resources)
    .filter(([, r]) => r.Type === 'AWS::CloudFormation::Stack' && typeof r.Metadata?.['aws:asset:path'] === 'string')
    .flatMap(([logicalId, r]) =>
      withNested({ name: `${unit.name}/${logicalId}`, template: readTemplate(path.join(outDir, String(r.Metadata!['aws:asset:path']))), parent: { name: unit.name, logicalId } }),
    ),
];
const topStacks = assemblyStacks(outDir);
const stacks = topStacks.flatMap((s) => withNested({ name: s.name, template: readTemplate(s.templateFile) }));
const isFixture = stacks.length === 1 && stacks[0]?.name === FIXTURE_STACK;
const resourcesOf = (template: Template, types: string[]) => Object.entries(template.Resources).filter(([, r]) => types.includes(r.Type));

let localstack: LocalStack | undefined;
let c: Clients;
let deployed = false;
let destroyed = false;
const resolvers = new Map<string, Resolver>();
/** Known LocalStack gaps met, with the resources they hit; reported once at the end. */
const gapsSeen = new Map<string, string[]>();

beforeAll(async () => {
  // Invoking every function of a large app would otherwise keep one Node.js process per function
  // alive for LocalStack's default 10 minutes.
  localstack = await startLocalStack(process.env.LOCALSTACK_INVOKE_ALL === '1' ? { env: { LAMBDA_KEEPALIVE_MS: '2000' } } : {});
  c = clients(localstack.endpoint);
  const started = Date.now();
  await bootstrap(localstack, outDir);
  const bootstrapped = Date.now();
  await deploy(localstack, outDir);
  deployed = true;
  console.info(`LocalStack pid ${localstack.pid} on ${localstack.endpoint}; bootstrap ${bootstrapped - started} ms, deploy ${Date.now() - bootstrapped} ms`);
  for (const stack of stacks) {
    if (!stack.parent) {
      resolvers.set(stack.name, new Resolver(c, stack.template, stack.name, await physicalIds(c, stack.name)));
      continue;
    }
    // A nested stack: its ARN is the parent's physical id for it; its parameters, what the parent passes.
    const parent = resolvers.get(stack.parent.name)!;
    const parentTemplate = stacks.find((s) => s.name === stack.parent!.name)!.template;
    const arn = parent.physical(stack.parent.logicalId);
    const passed = (parentTemplate.Resources[stack.parent.logicalId]?.Properties?.Parameters ?? {}) as Record<string, unknown>;
    const parameters: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(passed)) {
      const resolved = await parent.tryResolve(value, [], key);
      if (resolved !== undefined) parameters[key] = resolved;
    }
    resolvers.set(stack.name, new Resolver(c, stack.template, arn, await physicalIds(c, arn), parameters));
  }
}, 20 * 60_000);

afterAll(async () => {
  if (gapsSeen.size > 0) {
    console.info(`Known LocalStack gaps (not failed; LOCALSTACK_STRICT=1 fails them):\n${[...gapsSeen].map(([gap, ids]) => `- ${gap} (${ids.length}: ${ids.slice(0, 3).join(', ')}${ids.length > 3 ? ', …' : ''})`).join('\n')}`);
  }
  try {
    if (localstack && deployed && !destroyed) await destroy(localstack, outDir);
  } finally {
    for (const client of Object.values(c ?? {})) client.destroy();
    await localstack?.stop();
  }
}, 5 * 60_000);

describe.each(stacks)('stack $name', ({ name, template }) => {
  const checked = resourcesOf(template, checkedTypes());
  const unchecked = [...new Set(Object.values(template.Resources).map((r) => r.Type))].filter((t) => !checkedTypes().includes(t) && t !== 'AWS::CDK::Metadata');

  it('has resources to check', () => {
    if (unchecked.length > 0) console.info(`${name}: resource types not checked through their APIs: ${unchecked.sort().join(', ')}`);
    expect(checked.length).toBeGreaterThan(0);
  });

  it.each(checked.map(([logicalId, resource]) => ({ logicalId, resource, type: resource.Type })))('$type $logicalId matches its template', async ({ logicalId, resource }) => {
    // Act
    const { comparisons, gaps, notes } = await checkResource(c, resolvers.get(name)!, logicalId, resource);

    // Assess: all comparisons at once, so that a failure shows every difference of the resource.
    if (notes.length > 0) console.info(`${logicalId}: ${notes.join('; ')}`);
    for (const [what, actual, expected, why] of gaps) {
      if (JSON.stringify(actual) === JSON.stringify(expected)) continue;
      const key = `${resource.Type} ${what}: ${why}`;
      gapsSeen.set(key, [...(gapsSeen.get(key) ?? []), logicalId]);
    }
    expect(comparisons.length + gaps.length).toBeGreaterThan(0);
    expect(Object.fromEntries(comparisons.map(([what, actual]) => [what, actual]))).toEqual(Object.fromEntries(comparisons.map(([what, , expected]) => [what, expected])));
  });
});

const functionsOf = () => stacks.flatMap((s) => resourcesOf(s.template, ['AWS::Lambda::Function']).map(([logicalId]) => ({ stack: s.name, logicalId })));
const invoke = async (FunctionName: string, payload: unknown) => {
  const response = await c.lambda.send(new InvokeCommand({ FunctionName, Payload: Buffer.from(JSON.stringify(payload)), LogType: 'Tail' }));
  const body = response.Payload ? Buffer.from(response.Payload).toString('utf8') : '';
  return { status: response.StatusCode, functionError: response.FunctionError, body: body ? (JSON.parse(body) as Record<string, unknown>) : null, log: Buffer.from(response.LogResult ?? '', 'base64').toString('utf8') };
};

(isFixture || process.env.LOCALSTACK_INVOKE_ALL === '1' ? describe : describe.skip)('every function', () => {
  it.each(functionsOf())('$logicalId loads and runs on the host runtime', async ({ stack, logicalId }) => {
    // Act: an empty event; the handler may reject it, but its module must load (no Runtime.* error).
    const result = await invoke(resolvers.get(stack)!.physical(logicalId), {});

    // Assess
    expect(result.status).toBe(200);
    expect(String(result.body?.errorType ?? '')).not.toMatch(/^(Runtime|Sandbox)\./);
    expect(result.log).toContain('REPORT RequestId:');
  });
});

(isFixture ? describe : describe.skip)('the fixture function', () => {
  const fixture = () => {
    const stack = stacks[0]!;
    const resolver = resolvers.get(stack.name)!;
    const [fnId] = resourcesOf(stack.template, ['AWS::Lambda::Function'])[0]!;
    const [tableId] = resourcesOf(stack.template, ['AWS::DynamoDB::Table'])[0]!;
    return { functionName: resolver.physical(fnId), tableName: resolver.physical(tableId) };
  };

  it('returns what the handler computed, with its environment, role credentials and endpoint', async () => {
    // Arrange
    const { functionName, tableName } = fixture();
    const id = `invoke-${Date.now()}`;

    // Act
    const result = await invoke(functionName, { id });

    // Assess: the handler wrote and read the table through LocalStack (AWS_ENDPOINT_URL).
    expect(result.functionError).toBeUndefined();
    expect(result.body).toEqual({ id, table: tableName, stored: 'probe', greeting: 'hello from the fixture', runtime: expect.stringMatching(/^v\d+\./) });
    const item = await c.dynamodb.send(new GetItemCommand({ TableName: tableName, Key: { pk: { S: id }, sk: { S: 'fixture' } } }));
    expect(item.Item?.kind?.S).toBe('probe');
  });

  it('reports a thrown error as an unhandled function error in the Lambda error shape', async () => {
    // Act
    const result = await invoke(fixture().functionName, { id: 'failing', fail: true });

    // Assess
    expect(result.functionError).toBe('Unhandled');
    expect(result.body).toEqual(expect.objectContaining({ errorType: 'Error', errorMessage: 'asked to fail: failing' }));
  });

  it('is invoked by its stream mapping for INSERTs of kind outbox only', async () => {
    // Arrange
    const { tableName } = fixture();
    const suffix = Date.now();
    const put = (pk: string, kind: string) => c.dynamodb.send(new PutItemCommand({ TableName: tableName, Item: { pk: { S: pk }, sk: { S: 'item' }, kind: { S: kind } } }));
    const seen = async (pk: string) =>
      (await c.dynamodb.send(new GetItemCommand({ TableName: tableName, Key: { pk: { S: `seen#${pk}` }, sk: { S: 'fixture' } }, ConsistentRead: true }))).Item !== undefined;

    // Act
    await put(`other-${suffix}`, 'other');
    await put(`outbox-${suffix}`, 'outbox');

    // Assess: the handler marks each record it gets; the filter keeps the 'other' item away.
    expect(await eventually(() => seen(`outbox-${suffix}`), Boolean, 90_000)).toBe(true);
    expect(await seen(`other-${suffix}`)).toBe(false);
  }, 120_000);
});

/** The physical name of the platform function a manifest names (its `clean-governance:function` tag). */
const platformFunction = (qualifiedName: string): string => {
  for (const stack of stacks) {
    for (const [logicalId, resource] of resourcesOf(stack.template, ['AWS::Lambda::Function'])) {
      const tags = (resource.Properties?.Tags ?? []) as Array<{ Key: string; Value: string }>;
      if (tags.some((t) => t.Key === FUNCTION_TAG && t.Value === qualifiedName)) return resolvers.get(stack.name)!.physical(logicalId);
    }
  }
  throw new Error(`No function tagged ${qualifiedName} in the assembly`);
};

/** An AWS event fixture of the project (shared/test/events/aws, each with its source). */
const awsFixture = (name: string): Record<string, any> => // eslint-disable-line @typescript-eslint/no-explicit-any
  JSON.parse(readFileSync(path.join(here, '../../../shared/test/events/aws', name), 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** AWS's HTTP API v2 event, as the fixture has it, for another route and without a token. */
const httpEvent = (method: string, routePath: string): unknown => {
  const event = awsFixture('apigw-v2-jwt-cookies-json.json');
  const { authorization: _authorization, 'content-length': _length, 'content-type': _type, ...headers } = event.headers as Record<string, string>;
  const { authorizer: _authorizer, ...requestContext } = event.requestContext as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  return {
    ...event,
    routeKey: `${method} ${routePath}`,
    rawPath: routePath,
    headers,
    body: undefined,
    isBase64Encoded: false,
    requestContext: { ...requestContext, routeKey: `${method} ${routePath}`, http: { ...requestContext.http, method, path: routePath } },
  };
};

(isFixture ? describe.skip : describe)('the platform’s functions, invoked through LocalStack’s Lambda API', () => {
  it('an HTTP handler answers an HTTP API v2 event of a public route with 200 and its JSON', async () => {
    // Act
    const result = await invoke(platformFunction('disclosure-publicUnits'), httpEvent('GET', '/api/public/units'));

    // Assess: the handler read its table through LocalStack (an empty one: no units yet).
    expect(result.functionError).toBeUndefined();
    expect(result.body).toEqual(expect.objectContaining({ statusCode: 200 }));
    expect(JSON.parse(String(result.body?.body))).toEqual({ units: [] });
  });

  it('an HTTP handler refuses a protected route without the authorizer’s claims, in problem+json', async () => {
    // Act
    const result = await invoke(platformFunction('signing-listUnits'), httpEvent('GET', '/api/units'));

    // Assess
    expect(result.functionError).toBeUndefined();
    expect(result.body?.statusCode).toBe(401);
    expect(String((result.body?.headers as Record<string, string>)['content-type'])).toContain('application/problem+json');
  });

  it('a relay given a stream event reports the first outbox record it could not publish, so that the mapping retries from it', async () => {
    // Act: there is no Kafka on LocalStack's community edition, so publishing fails.
    const result = await invoke(platformFunction('signing-relay'), awsFixture('ddb-stream-outbox-insert-and-ttl-remove.json'));

    // Assess: the first record is an insert that is no outbox item, skipped; the second is the first outbox item.
    expect(result.functionError).toBeUndefined();
    expect(result.body).toEqual({ batchItemFailures: [{ itemIdentifier: '4421584500000000017450439092' }] });
  });
});

describe('destroy', () => {
  it('deletes the stacks and the resources they do not retain', async () => {
    // Arrange
    const deletable = stacks.flatMap((s) =>
      Object.entries(s.template.Resources)
        .filter(([, r]) => r.DeletionPolicy !== 'Retain' && ['AWS::DynamoDB::Table', 'AWS::Lambda::Function'].includes(r.Type))
        .map(([logicalId, r]) => ({ type: r.Type, name: resolvers.get(s.name)!.physical(logicalId) })),
    );

    // Act
    await destroy(localstack!, outDir);
    destroyed = true;

    // Assess
    for (const stack of topStacks) {
      const status = await c.cfn.send(new DescribeStacksCommand({ StackName: stack.name })).then(
        (r) => r.Stacks?.[0]?.StackStatus,
        (error: Error) => (/does not exist/.test(error.message) ? 'GONE' : error.message),
      );
      expect([stack.name, status]).toEqual([stack.name, expect.stringMatching(/^(GONE|DELETE_COMPLETE)$/)]);
    }
    for (const { type, name } of deletable) {
      const gone = await (type === 'AWS::DynamoDB::Table'
        ? c.dynamodb.send(new DescribeTableCommand({ TableName: name }))
        : c.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: name }))
      ).then(
        () => false,
        (error: Error) => error.name === 'ResourceNotFoundException',
      );
      expect([type, name, gone]).toEqual([type, name, true]);
    }
  }, 10 * 60_000);
});
