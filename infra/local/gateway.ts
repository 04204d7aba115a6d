/**
 * The local HTTP API: routes from the manifests' `http` triggers, the JWT checked as API Gateway's
 * JWT authorizer does, each request turned into an HTTP API v2 event for its function. Besides the
 * routes: `GET /health`, `GET /api/openapi.json`, `GET /.well-known/jwks.json`, and the
 * development-only endpoints, which take an admin token of the whole tree: `POST /_local/schedule`
 * behind `npm run schedule`, `POST /_local/replay` behind `npm run replay` (its progress streamed as
 * JSON lines), `GET /_local/metrics` and `GET /_local/mailbox` (shown by the page
 * `/_local/mailbox.html`); and `PUT /_local/uploads/…`, which takes no
 * token but a presigned URL, where S3 would take the upload (`uploads.ts`). Every refusal is RFC
 * 9457 problem+json, unknown paths 404 and known paths with another method 405 (with `Allow`), as
 * the services answer.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { triggersOf, qualifiedName, type ServiceManifest } from '#shared/manifest.js';
import { z } from 'zod';
import { problemContentType } from '#shared/http/problem.js';
import { problemHeaders, toProblem } from '#shared/http/problemJson.js';
import {
  AppError,
  ForbiddenError,
  HeadersTooLargeError,
  MethodNotAllowedError,
  NotFoundError,
  PayloadTooLargeError,
  UnauthorizedError,
  UriTooLongError,
  ValidationError,
} from '#shared/errors.js';
import { newRequestId, toHttpEvent } from './events.js';
import type { LocalFunction } from './functions.js';
import { verifyToken, type loadOrCreateKeys } from './jwt.js';
import { receiveUpload, type LocalBuckets } from './uploads.js';
import { localUploadsPath } from '#shared/storage/localUploads.js';
import { mailboxPage } from './mailbox.js';
import type { Replay } from './replay.js';
import { isAppPath, serveApp } from './webApp.js';
import { parseLocalBody } from './localBody.js';
import type { developmentSignIn } from './signIn.js';

/** API Gateway's own payload limit; handlers enforce their smaller one. */
const gatewayMaxBytes = 10 * 1024 * 1024;
/**
 * API Gateway's limit on the request line and headers together, 10,240 bytes
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html). A request line
 * over it alone is a 414, otherwise a 431. Node's own parser gives up at `nodeMaxHeaderBytes`; its
 * refusal is answered as problem+json too (see `clientError`).
 */
const maxRequestHeadBytes = 10_240;
const nodeMaxHeaderBytes = 64 * 1024;

interface CompiledRoute {
  readonly method: string;
  readonly path: string;
  readonly pattern: RegExp;
  readonly params: readonly string[];
  readonly invoke: ((event: unknown) => Promise<unknown>) | undefined;
  /** A development-only endpoint, answered by the gateway itself. */
  readonly local?: LocalEndpoint;
  /** A route with no authorizer (`public: true`): no token is needed, and one sent is not read. */
  readonly public?: boolean;
}

type LocalEndpoint = (req: { body: Buffer; claims: Record<string, string> | undefined; requestId: string; path: Record<string, string> }) => Promise<{ status: number; body: unknown }>;

const compile = (path: string): { pattern: RegExp; params: string[] } => {
  const params: string[] = [];
  const source = path
    .split('/')
    .map((part) => {
      const m = /^\{(\w+)\}$/.exec(part);
      if (!m) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
      params.push(m[1]!);
      return '([^/]+)';
    })
    .join('/');
  return { pattern: new RegExp(`^${source}$`), params };
};

export interface GatewayOptions {
  readonly services: readonly ServiceManifest[];
  readonly functions: ReadonlyMap<string, LocalFunction>;
  readonly keys: Awaited<ReturnType<typeof loadOrCreateKeys>>;
  readonly port: number;
  readonly health: () => Promise<{ status: number; body: unknown }>;
  readonly openApi: () => unknown;
  readonly schedule: (functionName: string, at: Date) => Promise<unknown>;
  /** Rebuilds a read model from the topics, for `POST /_local/replay`; without it that path is unknown. */
  readonly replay?: Replay;
  /** Counts of the metrics since start, for `GET /_local/metrics`. */
  readonly metrics?: () => unknown;
  /** The manifests' buckets, which take uploads at `PUT /_local/uploads/…`; without them that path is unknown. */
  readonly buckets?: LocalBuckets;
  /** The captured emails and SMS, for `GET /_local/mailbox` (and the page `/_local/mailbox.html`). */
  readonly mailbox?: () => Promise<unknown>;
  /** The development sign-in of the web app (`/_local/sign-in`); without it those paths are unknown. */
  readonly signIn?: ReturnType<typeof developmentSignIn>;
  /** Where the built web app is, served at `/` (see `webApp.ts`); without it only the API answers. */
  readonly webRoot?: string;
  readonly log?: (line: string) => void;
}

export interface Gateway {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const send = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) => {
  res.writeHead(status, headers);
  res.end(JSON.stringify(body));
};

const sendProblem = (res: http.ServerResponse, error: unknown, instance: string, requestId: string) =>
  send(res, toProblem(error, instance).status, toProblem(error, instance), { ...problemHeaders(error), 'apigw-requestid': requestId });

/**
 * A local endpoint's answer that comes in parts, for an operation that takes a while: each line the
 * operation writes goes out at once as a line of JSON (`application/x-ndjson`), and the value it
 * resolves with is the last line. A failure before the first line is answered as problem+json with
 * its status, as any refusal; one after it ends the stream with `{ type: 'failed', problem }`.
 */
class StreamedLines {
  constructor(readonly run: (write: (line: unknown) => void) => Promise<unknown>) {}
}

const streamLines = async (res: http.ServerResponse, lines: StreamedLines, instance: string, requestId: string, log: (line: string) => void): Promise<void> => {
  // A client that goes away leaves the operation running; its lines go nowhere.
  res.on('error', () => undefined);
  const write = (line: unknown) => {
    if (!res.headersSent) res.writeHead(200, { 'content-type': 'application/x-ndjson', 'cache-control': 'no-store', 'apigw-requestid': requestId });
    if (!res.destroyed) res.write(`${JSON.stringify(line)}\n`);
  };
  try {
    write(await lines.run(write));
  } catch (error) {
    if (!res.headersSent) throw error;
    if (!(error instanceof AppError)) log(`gateway: ${instance} failed under way (correlation id ${requestId}): ${(error as Error).stack ?? String(error)}`);
    // Unlike a service's 500, the detail is kept: the admin who asked runs this runtime and needs the reason.
    write({ type: 'failed', problem: { ...toProblem(error, instance), detail: (error as Error).message } });
  }
  res.end();
};

/** A raw problem+json response on a socket whose request Node's parser refused. */
const rawProblem = (error: AppError): string => {
  const body = JSON.stringify(toProblem(error));
  return `HTTP/1.1 ${error.status} ${http.STATUS_CODES[error.status]}\r\ncontent-type: ${problemContentType}\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`;
};

const readBody = (req: http.IncomingMessage): Promise<Buffer | 'too-large'> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= gatewayMaxBytes) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > gatewayMaxBytes ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });

/** Strict percent-decoding: malformed sequences (`%ZZ`, a cut UTF-8 sequence) are a 400. */
const decode = (value: string, what: string): string => {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new ValidationError(`Malformed percent-encoding in the ${what}`, [{ path: what, message: '百分号编码不正确 / malformed percent-encoding' }]);
  }
};

/** Starts the gateway; `port` 0 picks a free one. */
export const startGateway = async (options: GatewayOptions): Promise<Gateway> => {
  const log = options.log ?? ((line: string) => console.error(line));
  const routes: CompiledRoute[] = options.services.flatMap((service) =>
    triggersOf(service, 'http').map(({ functionName, trigger }) => {
      const fn = options.functions.get(qualifiedName(service.name, functionName));
      if (!fn) throw new Error(`No function ${service.name}.${functionName}`);
      return { method: trigger.method, path: trigger.path, ...compile(trigger.path), invoke: (event: unknown) => fn.invoke(event), public: trigger.public === true };
    }),
  );
  const requireAdmin = (claims: Record<string, string> | undefined) => {
    if (!claims) throw new UnauthorizedError('A valid bearer token is required');
    if (claims['custom:role'] !== 'admin' || claims['custom:unit'] !== undefined) {
      throw new ForbiddenError('The development endpoints are for an admin of the whole tree');
    }
  };
  const localRoute = (method: string, path: string, local: LocalEndpoint): CompiledRoute => ({ method, path, ...compile(path), invoke: undefined, local });
  const ScheduleBody = z.strictObject({ function: z.string().min(1).max(200), at: z.iso.datetime({ offset: true }).optional() });
  routes.push(
    localRoute('POST', '/_local/schedule', async ({ body, claims }) => {
      requireAdmin(claims);
      const input = parseLocalBody(ScheduleBody, body);
      try {
        return { status: 200, body: await options.schedule(input.function, input.at ? new Date(input.at) : new Date()) };
      } catch (error) {
        throw new ValidationError((error as Error).message);
      }
    }),
    localRoute('GET', '/_local/metrics', async ({ claims }) => {
      requireAdmin(claims);
      return { status: 200, body: options.metrics?.() ?? {} };
    }),
    localRoute('GET', '/_local/mailbox', async ({ claims }) => {
      requireAdmin(claims);
      return { status: 200, body: (await options.mailbox?.()) ?? { email: [], sms: [] } };
    }),
  );
  const replay = options.replay;
  const ReplayBody = z.strictObject({ service: z.string().min(1).max(100) });
  if (replay) {
    routes.push(
      localRoute('POST', '/_local/replay', async ({ body, claims }) => {
        requireAdmin(claims);
        const input = parseLocalBody(ReplayBody, body);
        return { status: 200, body: new StreamedLines((write) => replay(input.service, write)) };
      }),
    );
  }
  // The development sign-in takes no token: it is how a person gets one.
  const signIn = options.signIn;
  if (signIn) {
    routes.push(
      localRoute('GET', '/_local/sign-in', async () => ({ status: 200, body: await signIn.units() })),
      localRoute('GET', '/_local/sign-in/units/{unitId}/people', async ({ path }) => ({ status: 200, body: await signIn.people(path.unitId!) })),
      localRoute('POST', '/_local/sign-in', async ({ body }) => ({ status: 200, body: await signIn.token(body) })),
    );
  }
  const publicGets: Record<string, () => Promise<{ status: number; body: unknown }>> = {
    '/health': options.health,
    '/api/openapi.json': async () => ({ status: 200, body: options.openApi() }),
    '/.well-known/jwks.json': async () => ({ status: 200, body: { keys: [options.keys.publicJwk] } }),
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse, requestId: string) => {
    const target = req.url ?? '/';
    const headBytes = req.rawHeaders.reduce((sum, h) => sum + Buffer.byteLength(h), 0);
    if (Buffer.byteLength(target) + 16 > maxRequestHeadBytes) throw new UriTooLongError(`The request line is over ${maxRequestHeadBytes} bytes`);
    if (Buffer.byteLength(target) + headBytes > maxRequestHeadBytes) throw new HeadersTooLargeError(`The request line and headers are over ${maxRequestHeadBytes} bytes`);
    const url = new URL(target, 'http://localhost');
    const method = req.method ?? 'GET';
    const rawPath = url.pathname;

    // An upload streams into its bucket's folder; its body is never read into memory here.
    if (options.buckets && rawPath.startsWith(localUploadsPath)) return receiveUpload(req, res, url, options.buckets, new Date());

    // The mailbox page holds no data (it asks for a token and reads `/_local/mailbox` with it).
    if (rawPath === '/_local/mailbox.html' && options.mailbox) {
      if (method !== 'GET') throw new MethodNotAllowedError(`${rawPath} answers GET only`, ['GET']);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(mailboxPage);
    }

    if (options.webRoot && isAppPath(rawPath)) {
      if (method !== 'GET' && method !== 'HEAD') throw new MethodNotAllowedError(`${rawPath} answers GET and HEAD only`, ['GET', 'HEAD']);
      return serveApp(res, rawPath, method, options.webRoot);
    }

    const publicGet = publicGets[rawPath];
    if (publicGet) {
      if (method !== 'GET') throw new MethodNotAllowedError(`${rawPath} answers GET only`, ['GET']);
      const { status, body } = await publicGet();
      return send(res, status, body);
    }

    const matching = routes.map((route) => ({ route, values: route.pattern.exec(rawPath) })).filter((m) => m.values !== null);
    if (matching.length === 0) throw new NotFoundError(`No route ${method} ${rawPath}`);
    const match = matching.find((m) => m.route.method === method);
    if (!match) throw new MethodNotAllowedError(`${rawPath} does not answer ${method}`, [...new Set(matching.map((m) => m.route.method))]);
    const pathParameters = Object.fromEntries(match.route.params.map((p, i) => [p, decode(match.values![i + 1]!, `path.${p}`)]));
    decode(url.search.replace(/\+/g, ' '), 'query');

    const authorization = req.headers.authorization ?? '';
    const token = /^Bearer\s+(.+)$/i.exec(authorization)?.[1];
    const claims = token ? await verifyToken(options.keys, token) : undefined;
    const body = await readBody(req);
    if (body === 'too-large') throw new PayloadTooLargeError('The body is over 10 MB');

    if (match.route.local) {
      const { status, body: answer } = await match.route.local({ body, claims, requestId, path: pathParameters });
      return answer instanceof StreamedLines ? streamLines(res, answer, rawPath, requestId, log) : send(res, status, answer);
    }
    if (!claims && !match.route.public) throw new UnauthorizedError('A valid bearer token is required');

    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
    }
    const event = toHttpEvent({
      method,
      rawPath,
      rawQueryString: url.search.replace(/^\?/, ''),
      headers,
      body,
      sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
      routeKey: `${match.route.method} ${match.route.path}`,
      pathParameters,
      // As API Gateway does for a route without an authorizer: no claims reach the function.
      claims: match.route.public ? {} : claims!,
    }, new Date(), requestId);
    const result = (await match.route.invoke!(event)) as APIGatewayProxyStructuredResultV2;
    res.writeHead(result.statusCode ?? 200, { 'content-type': 'application/json', ...(result.headers as Record<string, string>), 'apigw-requestid': requestId });
    res.end(result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : (result.body ?? ''));
  };

  const server = http.createServer({ maxHeaderSize: nodeMaxHeaderBytes }, (req, res) => {
    const requestId = newRequestId();
    handle(req, res, requestId).catch((error: unknown) => {
      // The request's body may still be arriving; drain it so that the answer reaches the client.
      req.resume();
      if (!(error instanceof AppError)) log(`gateway: 500 for ${req.method} ${req.url?.slice(0, 200)} (correlation id ${requestId}): ${(error as Error).stack ?? String(error)}`);
      if (!res.headersSent) sendProblem(res, error, (req.url ?? '').split('?')[0]!.slice(0, 2048), requestId);
      else res.end();
    });
  });
  // Requests Node's parser refuses (an oversized request line or headers, malformed HTTP) are
  // answered as problem+json rather than a bare status.
  server.on('clientError', (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket) => {
    if (!socket.writable) return socket.destroy();
    if (error.code === 'HPE_HEADER_OVERFLOW') {
      const firstLineEnd = error.rawPacket?.indexOf('\r\n') ?? -1;
      const lineTooLong = firstLineEnd < 0 || firstLineEnd > maxRequestHeadBytes;
      socket.end(rawProblem(lineTooLong ? new UriTooLongError('The request line is too long') : new HeadersTooLargeError('The headers are too large')));
      return;
    }
    socket.end(rawProblem(new ValidationError('Malformed HTTP request')));
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
