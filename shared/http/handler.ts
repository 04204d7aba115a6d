/**
 * The middleware stack of every HTTP handler, in order:
 *  1. `injectLambdaContext` (Powertools logger) adds the Lambda context to every log line, and the
 *     request id as the correlation id;
 *  2. `httpMetrics` counts every response by status class (CloudWatch EMF);
 *  3. `problemJson` maps any thrown error to RFC 9457 problem+json;
 *  4. the role check (`shared/http/guard.ts`): the caller's role must be one the route allows;
 *  5. the request is read: the content type must be JSON, the body within the size limit and free
 *     of duplicate keys, and path, query and body are parsed with the schemas the manifest route
 *     declares (the handler declares none of its own);
 *  6. the reach check: the unit the route acts on must satisfy the route's reach rule.
 * A handler is then one call to a use case.
 *
 * @example
 * ```ts
 * import signing from '#services/signing/service.js';
 * import { created, httpHandler } from '#shared/http/handler.js';
 * import { createLogger } from '#shared/logger.js';
 *
 * export const handler = httpHandler(signing, 'registerUnit', { logger: createLogger('signing') }, async ({ body }) =>
 *   created({ name: body.name }),
 * );
 * ```
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { z } from 'zod';
import type { Logger } from '@aws-lambda-powertools/logger';
import { callerFromEvent, type Caller } from '../auth/claims.js';
import type { TreePosition } from '../auth/reach.js';
import { ValidationError } from '../errors.js';
import type { HttpTrigger, ServiceManifest } from '../manifest.js';
import { countHttpResponse, publishMetrics } from '../metrics.js';
import { problemJson } from './problemJson.js';
import { parseWith } from './parse.js';
import { readJsonBody } from './body.js';
import { readFormBody } from './form.js';
import { checkReach, checkRole, type ResourceOwners, type UnitDirectory } from './guard.js';
import { withIdempotency } from './idempotency.js';

export { maxBodyBytes } from './body.js';

export interface HttpResult {
  readonly status: number;
  /** JSON, or the text itself when `contentType` is given. */
  readonly body: unknown;
  readonly contentType?: string;
  /** Response headers besides the content type. */
  readonly headers?: Readonly<Record<string, string>>;
}

export const ok = (body: unknown): HttpResult => ({ status: 200, body });
export const created = (body: unknown): HttpResult => ({ status: 201, body });
/** A page to read or print, as the route's manifest declares it (`contentType: 'text/html'`). */
export const html = (page: string): HttpResult => ({ status: 200, body: page, contentType: 'text/html; charset=utf-8' });

/** What a use case is called with: the caller, the parsed input and the unit the route acts on. */
export interface HttpInput<P, Q, B> {
  readonly caller: Caller;
  readonly path: P;
  readonly query: Q;
  readonly body: B;
  /** The unit the route's reach rule resolved; undefined for a listing. */
  readonly unit: TreePosition | undefined;
  /** The request id at the edge; events produced as a consequence carry it. */
  readonly correlationId: string;
  /** The W3C trace context of the request, when it came with one. */
  readonly traceparent: string | undefined;
  readonly event: APIGatewayProxyEventV2;
}

type HttpRouteOf<M extends ServiceManifest, F extends keyof M['functions']> = Extract<M['functions'][F]['triggers'][number], { type: 'http' }>;
type InputOf<R, K extends 'path' | 'query' | 'body'> = R extends { readonly request: { readonly [P in K]: infer S } }
  ? S extends z.ZodType
    ? z.output<S>
    : undefined
  : undefined;

/** The HTTP trigger of one manifest function. */
export const route = (manifest: ServiceManifest, functionName: string): HttpTrigger => {
  const trigger = manifest.functions[functionName]?.triggers.find((t) => t.type === 'http');
  if (!trigger || trigger.type !== 'http') throw new Error(`${manifest.name}.${functionName} has no http trigger`);
  return trigger;
};

/**
 * What the stack needs besides the route: the service's logger and, for a unit-scoped route, its
 * unit directory, and for a route that finds its unit through a resource, the owner lookup of
 * that kind of resource.
 */
export interface HttpDependencies {
  readonly logger: Logger;
  readonly units?: UnitDirectory;
  readonly owners?: ResourceOwners;
}

/**
 * Counts every response by status class, refusals and failures included (`problemJson`, used after
 * it, has set the response by the time its `onError` runs), and publishes the invocation's metrics.
 */
const httpMetrics = (service: string): middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> => {
  const record = async (request: { response?: APIGatewayProxyStructuredResultV2 | undefined | null }) => {
    countHttpResponse(service, request.response?.statusCode ?? 500);
    publishMetrics();
  };
  return { after: record, onError: record };
};

/** W3C trace context: https://www.w3.org/TR/trace-context/#traceparent-header */
const traceparentPattern = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

/** Parses the route's input with the schemas its manifest declares: path, query and the JSON body. */
const readInput = (trigger: HttpTrigger, event: APIGatewayProxyEventV2) => {
  const schemas = trigger.request ?? {};
  const raw = trigger.form ? readFormBody(event, trigger.maxBodyBytes) : readJsonBody(event, trigger.maxBodyBytes);
  if (raw !== undefined && !schemas.body) throw new ValidationError(`${trigger.method} ${trigger.path} takes no body`);
  return {
    raw,
    parsed: {
      path: schemas.path ? parseWith(schemas.path, event.pathParameters ?? {}, 'path') : undefined,
      query: schemas.query ? parseWith(schemas.query, event.queryStringParameters ?? {}, 'query') : undefined,
      body: schemas.body ? parseWith(schemas.body, raw, 'body') : undefined,
    },
  };
};

/** The API Gateway response of a use case's result. */
const toResponse = (result: HttpResult): APIGatewayProxyStructuredResultV2 => ({
  statusCode: result.status,
  headers: {
    'content-type': result.contentType ?? 'application/json',
    // A page is the service's own markup with inline styles: nothing else may run or load.
    ...(result.contentType?.startsWith('text/html') ? { 'x-content-type-options': 'nosniff', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'" } : {}),
    ...result.headers,
  },
  body: result.contentType ? String(result.body) : JSON.stringify(result.body),
});

/** The middleware every route has: the logger's context, the response counts and problem+json. */
const stackOf = (service: string, logger: Logger) =>
  middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(httpMetrics(service))
    .use(problemJson(logger));

/** Wraps a use case call in the HTTP middleware stack; see the module comment. */
export const httpHandler = <M extends ServiceManifest, F extends keyof M['functions'] & string>(
  manifest: M,
  functionName: F,
  dependencies: HttpDependencies,
  run: (input: HttpInput<InputOf<HttpRouteOf<M, F>, 'path'>, InputOf<HttpRouteOf<M, F>, 'query'>, InputOf<HttpRouteOf<M, F>, 'body'>>) => Promise<HttpResult>,
) => {
  const trigger = route(manifest, functionName);
  if (trigger.public) throw new Error(`${manifest.name}.${functionName} is a public route: its handler is a publicHandler`);
  const { logger } = dependencies;
  return stackOf(manifest.name, logger).handler(async (event, context) => {
    const correlationId = event.requestContext.requestId;
    logger.setCorrelationId(correlationId);
    const caller = callerFromEvent(event);
    checkRole(trigger, caller);
    const { raw, parsed } = readInput(trigger, event);
    const unit = await checkReach(trigger, caller, parsed, dependencies.units, dependencies.owners);
    const traceparent = event.headers?.traceparent;
    const input = {
      ...parsed,
      caller,
      unit,
      correlationId,
      traceparent: traceparent && traceparentPattern.test(traceparent) ? traceparent : undefined,
      event,
    } as HttpInput<InputOf<HttpRouteOf<M, F>, 'path'>, InputOf<HttpRouteOf<M, F>, 'query'>, InputOf<HttpRouteOf<M, F>, 'body'>>;
    return toResponse(trigger.idempotent ? await withIdempotency({ service: manifest.name, functionName, event, context, caller, body: raw }, () => run(input)) : await run(input));
  });
};

/** What a public route's use case is called with: the parsed input and where the request came from, never who sent it. */
export interface PublicInput<P, Q, B> {
  readonly path: P;
  readonly query: Q;
  readonly body: B;
  /** The client's address as API Gateway saw it (`requestContext.http.sourceIp`), for rate limits. */
  readonly clientAddress: string;
  readonly correlationId: string;
  readonly event: APIGatewayProxyEventV2;
}

/**
 * The stack of a public route (`public: true` in the manifest): the same logger, counts,
 * problem+json and input parsing as {@link httpHandler}, with no caller, role or reach. A token
 * sent anyway is never read.
 */
export const publicHandler = <M extends ServiceManifest, F extends keyof M['functions'] & string>(
  manifest: M,
  functionName: F,
  dependencies: Pick<HttpDependencies, 'logger'>,
  run: (input: PublicInput<InputOf<HttpRouteOf<M, F>, 'path'>, InputOf<HttpRouteOf<M, F>, 'query'>, InputOf<HttpRouteOf<M, F>, 'body'>>) => Promise<HttpResult>,
) => {
  const trigger = route(manifest, functionName);
  if (!trigger.public) throw new Error(`${manifest.name}.${functionName} is not a public route: its handler is an httpHandler`);
  const { logger } = dependencies;
  return stackOf(manifest.name, logger).handler(async (event) => {
    const correlationId = event.requestContext.requestId;
    logger.setCorrelationId(correlationId);
    const { parsed } = readInput(trigger, event);
    const input = { ...parsed, clientAddress: event.requestContext.http.sourceIp, correlationId, event } as PublicInput<
      InputOf<HttpRouteOf<M, F>, 'path'>,
      InputOf<HttpRouteOf<M, F>, 'query'>,
      InputOf<HttpRouteOf<M, F>, 'body'>
    >;
    return toResponse(await run(input));
  });
};
