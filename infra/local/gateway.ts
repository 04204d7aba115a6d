/**
 * The local HTTP API: routes from the manifests' `http` triggers, the JWT checked as API Gateway's
 * JWT authorizer does, each request turned into an HTTP API v2 event for its function. Besides the
 * routes: `GET /health`, `GET /api/openapi.json`, `GET /.well-known/jwks.json`, and
 * `POST /_local/schedule` behind `npm run schedule`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { triggersOf, qualifiedName, type ServiceManifest } from '#shared/manifest.js';
import { problemContentType, type Problem } from '#shared/http/problem.js';
import { toHttpEvent } from './events.js';
import type { LocalFunction } from './functions.js';
import { verifyToken, type loadOrCreateKeys } from './jwt.js';

/** API Gateway's own payload limit; handlers enforce their smaller one. */
const gatewayMaxBytes = 10 * 1024 * 1024;

interface CompiledRoute {
  readonly method: string;
  readonly path: string;
  readonly pattern: RegExp;
  readonly params: readonly string[];
  readonly fn: LocalFunction;
}

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
}

export interface Gateway {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const send = (res: http.ServerResponse, status: number, body: unknown, contentType = 'application/json') => {
  res.writeHead(status, { 'content-type': contentType });
  res.end(JSON.stringify(body));
};

const problem = (res: http.ServerResponse, status: number, title: string, detail: string, instance: string) =>
  send(res, status, { type: `/problems/${status}`, title, status, detail, instance } satisfies Problem, problemContentType);

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

/** Starts the gateway; `port` 0 picks a free one. */
export const startGateway = async (options: GatewayOptions): Promise<Gateway> => {
  const routes: CompiledRoute[] = options.services.flatMap((service) =>
    triggersOf(service, 'http').map(({ functionName, trigger }) => {
      const fn = options.functions.get(qualifiedName(service.name, functionName));
      if (!fn) throw new Error(`No function ${service.name}.${functionName}`);
      return { method: trigger.method, path: trigger.path, ...compile(trigger.path), fn };
    }),
  );

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    const rawPath = url.pathname;

    if (method === 'GET' && rawPath === '/health') {
      const { status, body } = await options.health();
      return send(res, status, body);
    }
    if (method === 'GET' && rawPath === '/api/openapi.json') return send(res, 200, options.openApi());
    if (method === 'GET' && rawPath === '/.well-known/jwks.json') return send(res, 200, { keys: [options.keys.publicJwk] });

    const body = await readBody(req);
    if (body === 'too-large') return problem(res, 413, '请求内容过大', 'The body is over 10 MB', rawPath);

    if (method === 'POST' && rawPath === '/_local/schedule') {
      const { function: name, at } = JSON.parse(body.toString('utf8') || '{}') as { function?: string; at?: string };
      try {
        return send(res, 200, await options.schedule(String(name), at ? new Date(at) : new Date()));
      } catch (error) {
        return problem(res, 400, '无法触发定时任务', (error as Error).message, rawPath);
      }
    }

    let match: { route: CompiledRoute; values: RegExpExecArray } | undefined;
    for (const route of routes) {
      const values = route.pattern.exec(rawPath);
      if (values && route.method === method) match = { route, values };
    }
    if (!match) return problem(res, 404, '接口不存在', `No route ${method} ${rawPath}`, rawPath);

    const authorization = req.headers.authorization ?? '';
    const token = /^Bearer\s+(.+)$/i.exec(authorization)?.[1];
    const claims = token ? await verifyToken(options.keys, token) : undefined;
    if (!claims) return problem(res, 401, '未登录或令牌无效', 'A valid bearer token is required', rawPath);

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
      pathParameters: Object.fromEntries(match.route.params.map((p, i) => [p, decodeURIComponent(match.values[i + 1]!)])),
      claims,
    });
    const result = (await match.route.fn.invoke(event)) as APIGatewayProxyStructuredResultV2;
    res.writeHead(result.statusCode ?? 200, { 'content-type': 'application/json', ...(result.headers as Record<string, string>) });
    res.end(result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : (result.body ?? ''));
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) problem(res, 500, '服务器内部错误', (error as Error).message, req.url ?? '');
      else res.end();
    });
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
