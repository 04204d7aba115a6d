/**
 * The one HTTP client of the local runtime's tools: the test harness, the benchmark and the demo
 * data call the gateway through it. It is built on `node:http` with a keep-alive agent rather than
 * `fetch`, because the benchmark counts this process's CPU per request and `fetch` costs about
 * twice as much CPU per request on loopback.
 */
import http from 'node:http';
import https from 'node:https';

/** What came back: the status, the content type, the headers, and the body parsed as JSON. */
export interface HttpAnswer<T = unknown> {
  readonly status: number;
  /** The `content-type` header, `''` when absent. */
  readonly contentType: string;
  readonly headers: http.IncomingHttpHeaders;
  /** The body parsed as JSON; `{}` when the body is empty; the text itself when it is not JSON. */
  readonly body: T;
  /** The body as text. */
  readonly text: string;
}

/** How to send one request. */
export interface HttpRequestOptions {
  /** Sent as `authorization: Bearer <token>`. */
  readonly token?: string | undefined;
  /** Sent as JSON with `content-type: application/json`; a string is sent as it is. */
  readonly body?: unknown;
  /** More headers; they replace the defaults of the same name (`content-type`, `authorization`). */
  readonly headers?: Readonly<Record<string, string>>;
  /** The request fails when no answer came within this long; 30 s unless told. */
  readonly timeoutMs?: number;
  /**
   * The local IPv4 address to send from: a loopback address of its own (`127.x.y.z`) makes a client
   * of its own for the public routes' limits per client address.
   */
  readonly localAddress?: string;
}

/** A status other than the expected one; the message names the request and the answer. */
export class UnexpectedStatusError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly expected: number,
    readonly answer: HttpAnswer,
  ) {
    super(`${method} ${path} → ${answer.status} ${answer.text.slice(0, 500)} (expected ${expected})`);
    this.name = 'UnexpectedStatusError';
  }
}

/** Calls one base URL. */
export interface HttpClient {
  readonly baseUrl: string;
  /** Sends a request and gives the answer, whatever its status. */
  request<T = unknown>(method: string, path: string, options?: HttpRequestOptions): Promise<HttpAnswer<T>>;
  /** Sends a request and gives the parsed body; throws {@link UnexpectedStatusError} unless the status is `status`. */
  expect<T = unknown>(method: string, path: string, status: number, options?: HttpRequestOptions): Promise<T>;
  /** Closes the kept-alive connections. Idle connections never keep the process alive anyway. */
  close(): void;
}

const parseBody = (text: string): unknown => {
  if (text === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

/**
 * A client of `baseUrl` (e.g. the runtime's URL). Paths are resolved as `fetch` resolves them, so
 * characters outside ASCII are percent-encoded and malformed escapes such as `%ZZ` are sent as they
 * are.
 *
 * @example
 * ```ts
 * import { httpClient } from '#infra/local/support/httpClient.js';
 *
 * const api = httpClient('http://127.0.0.1:3000');
 * const health = await api.request<{ status: string }>('GET', '/health');
 * const units = await api.expect<{ units: unknown[] }>('GET', '/api/units', 200, { token: 'eyJ…' });
 * ```
 */
export const httpClient = (baseUrl: string): HttpClient => {
  const base = new URL(baseUrl);
  const transport = base.protocol === 'https:' ? https : http;
  const agent = new transport.Agent({ keepAlive: true });
  const prefix = base.pathname.replace(/\/$/, '');

  const request = <T>(method: string, path: string, options: HttpRequestOptions = {}): Promise<HttpAnswer<T>> =>
    new Promise((resolve, reject) => {
      const target = new URL(`${prefix}${path}`, base);
      const payload =
        options.body === undefined ? undefined : Buffer.from(typeof options.body === 'string' ? options.body : JSON.stringify(options.body));
      const headers: Record<string, string | number> = {
        ...(payload ? { 'content-type': 'application/json', 'content-length': payload.byteLength } : {}),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      };
      const req = transport.request(
        {
          protocol: target.protocol,
          hostname: target.hostname.replace(/^\[(.*)\]$/, '$1'),
          port: target.port,
          path: `${target.pathname}${target.search}`,
          method,
          headers,
          agent,
          ...(options.localAddress ? { localAddress: options.localAddress, family: 4 } : {}),
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({
              status: res.statusCode ?? 0,
              contentType: res.headers['content-type'] ?? '',
              headers: res.headers,
              body: parseBody(text) as T,
              text,
            });
          });
        },
      );
      req.setTimeout(options.timeoutMs ?? 30_000, () => req.destroy(new Error(`${method} ${path}: no answer within ${options.timeoutMs ?? 30_000} ms`)));
      req.on('error', reject);
      req.end(payload);
    });

  return {
    baseUrl,
    request,
    expect: async <T>(method: string, path: string, status: number, options?: HttpRequestOptions): Promise<T> => {
      const answer = await request<T>(method, path, options);
      if (answer.status !== status) throw new UnexpectedStatusError(method, path, status, answer);
      return answer.body;
    },
    close: () => agent.destroy(),
  };
};
