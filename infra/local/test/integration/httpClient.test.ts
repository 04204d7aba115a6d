/**
 * The HTTP client of the local tools, against a loopback server that echoes what it received: what
 * goes out (path, headers, body) and how the answer is read.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { httpClient, UnexpectedStatusError, type HttpClient } from '../../support/httpClient.js';

interface Echo {
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

let server: http.Server;
let client: HttpClient;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const echo: Echo = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      if (req.url === '/text') {
        res.writeHead(200, { 'content-type': 'text/plain' }).end('plain words');
      } else if (req.url === '/empty') {
        res.writeHead(204).end();
      } else {
        res.writeHead(req.url === '/missing' ? 404 : 200, { 'content-type': 'application/json' }).end(JSON.stringify(echo));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  client = httpClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});

afterAll(async () => {
  client.close();
  await new Promise((resolve) => server.close(resolve));
});

describe('httpClient', () => {
  it('sends a JSON body with its content type and length, and the token as a bearer', async () => {
    // Act
    const answer = await client.request<Echo>('POST', '/units', { token: 't0ken', body: { name: '东湖县' } });

    // Assess
    expect(answer.status).toBe(200);
    expect(answer.contentType).toBe('application/json');
    expect(answer.body.method).toBe('POST');
    expect(answer.body.body).toBe('{"name":"东湖县"}');
    expect(answer.body.headers['content-type']).toBe('application/json');
    expect(answer.body.headers['content-length']).toBe(String(Buffer.byteLength('{"name":"东湖县"}')));
    expect(answer.body.headers.authorization).toBe('Bearer t0ken');
  });

  it('sends a string body as it is, and lets a header replace the default content type', async () => {
    // Act
    const answer = await client.request<Echo>('PUT', '/x', { body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });

    // Assess
    expect(answer.body.body).toBe('a=1');
    expect(answer.body.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('sends no content type and no authorization when there is no body and no token', async () => {
    // Act
    const answer = await client.request<Echo>('GET', '/x');

    // Assess
    expect(answer.body.headers['content-type']).toBeUndefined();
    expect(answer.body.headers.authorization).toBeUndefined();
  });

  it('percent-encodes characters outside ASCII and sends malformed escapes as they are, as fetch does', async () => {
    // Act
    const answer = await client.request<Echo>('GET', '/units/东湖/%ZZ/%E0%A4%A?name=青石');

    // Assess
    expect(answer.body.url).toBe('/units/%E4%B8%9C%E6%B9%96/%ZZ/%E0%A4%A?name=%E9%9D%92%E7%9F%B3');
  });

  it('gives a body that is not JSON as its text, and an empty body as {}', async () => {
    // Act
    const text = await client.request('GET', '/text');
    const empty = await client.request('GET', '/empty');

    // Assess
    expect(text.body).toBe('plain words');
    expect(text.text).toBe('plain words');
    expect(empty.status).toBe(204);
    expect(empty.body).toEqual({});
  });

  it('throws UnexpectedStatusError, naming the request and the answer, when the status is not the expected one', async () => {
    // Act
    const outcome = client.expect('GET', '/missing', 200);

    // Assess
    await expect(outcome).rejects.toBeInstanceOf(UnexpectedStatusError);
    await expect(client.expect('GET', '/missing', 200)).rejects.toThrow(/^GET \/missing → 404 .* \(expected 200\)$/);
  });
});
