/**
 * The middleware stack of every HTTP handler, in order:
 *  1. `injectLambdaContext` (Powertools logger) adds the request id to every log line;
 *  2. `problemJson` maps any thrown error to RFC 9457 problem+json;
 *  3. the role guard: the caller's role must be one the manifest route allows;
 *  4. the request is parsed (path, query, JSON body) with the route's zod schemas.
 * A handler is then one call to a use case.
 *
 * @example
 * ```ts
 * export const handler = httpHandler(route(signing, 'registerUnit'), { body: RegisterUnitBody },
 *   async ({ body, caller }) => created(await registerUnit({ caller, ...body })));
 * ```
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { z } from 'zod';
import type { Logger } from '@aws-lambda-powertools/logger';
import { callerFromEvent, type Caller } from '../auth/claims.js';
import { ForbiddenError, PayloadTooLargeError, ValidationError } from '../errors.js';
import type { HttpTrigger, ServiceManifest } from '../manifest.js';
import { problemJson } from './problemJson.js';
import { parseWith } from './parse.js';

/** Largest JSON body a handler accepts; configuration, 256 KB by default. */
export const maxBodyBytes = (): number => Number(process.env.MAX_BODY_BYTES ?? 256 * 1024);

export interface HttpResult {
  readonly status: number;
  readonly body: unknown;
}

export const ok = (body: unknown): HttpResult => ({ status: 200, body });
export const created = (body: unknown): HttpResult => ({ status: 201, body });

interface Schemas<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  readonly path?: P;
  readonly query?: Q;
  readonly body?: B;
}

export interface HttpInput<P, Q, B> {
  readonly caller: Caller;
  readonly path: P;
  readonly query: Q;
  readonly body: B;
  readonly event: APIGatewayProxyEventV2;
}

/** The HTTP trigger of one manifest function. */
export const route = (manifest: ServiceManifest, functionName: string): HttpTrigger => {
  const trigger = manifest.functions[functionName]?.triggers.find((t) => t.type === 'http');
  if (!trigger || trigger.type !== 'http') throw new Error(`${manifest.name}.${functionName} has no http trigger`);
  return trigger;
};

const readBody = (event: APIGatewayProxyEventV2): unknown => {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
  if (raw.byteLength > maxBodyBytes()) {
    throw new PayloadTooLargeError(`The body has ${raw.byteLength} bytes; at most ${maxBodyBytes()} are accepted`);
  }
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch (cause) {
    throw new ValidationError('The body is not valid JSON', [], { cause });
  }
};

/** Wraps a use case call in the HTTP middleware stack; see the module comment. */
export const httpHandler = <
  P extends z.ZodType = z.ZodUnknown,
  Q extends z.ZodType = z.ZodUnknown,
  B extends z.ZodType = z.ZodUnknown,
>(
  trigger: HttpTrigger,
  logger: Logger,
  schemas: Schemas<P, Q, B>,
  run: (input: HttpInput<z.output<P>, z.output<Q>, z.output<B>>) => Promise<HttpResult>,
) =>
  middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, Context>()
    .use(injectLambdaContext(logger))
    .use(problemJson(logger))
    .handler(async (event) => {
      const caller = callerFromEvent(event);
      if (!trigger.roles.includes(caller.role)) {
        throw new ForbiddenError(`The role ${caller.role} may not call ${trigger.method} ${trigger.path}`);
      }
      const body = readBody(event);
      const input = {
        caller,
        event,
        path: schemas.path ? parseWith(schemas.path, event.pathParameters ?? {}, 'path') : undefined,
        query: schemas.query ? parseWith(schemas.query, event.queryStringParameters ?? {}, 'query') : undefined,
        body: schemas.body ? parseWith(schemas.body, body, 'body') : undefined,
      } as HttpInput<z.output<P>, z.output<Q>, z.output<B>>;
      const result = await run(input);
      return {
        statusCode: result.status,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(result.body),
      };
    });
