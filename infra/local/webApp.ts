/**
 * The web app at `/` of the local gateway: the files Vite built into `services/dashboard/web/dist`
 * (docs/adr/0018-web-app.md), `/config.json` naming the development sign-in, and any other path
 * without a file extension answered with `index.html`, so that the app's own paths survive a
 * reload. In AWS, CloudFront serves the same files from S3 with the same headers.
 */
import { readFile, stat } from 'node:fs/promises';
import type http from 'node:http';
import path from 'node:path';
import { repoRoot } from './paths.js';

/** Where `vite build` writes the app. */
export const webDist = path.join(repoRoot, 'services/dashboard/web/dist');

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The app's own code only: scripts and connections to this origin, styles of this origin plus the
 * inline ones ECharts sets on its elements, images of this origin and the canvases' data URLs.
 */
const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

/** What the local runtime's app reads from `/config.json`: the development sign-in page. */
const localAppConfig = { auth: { mode: 'development' } } as const;

/** Whether the gateway should answer `rawPath` from the app rather than from the API. */
export const isAppPath = (rawPath: string): boolean => !rawPath.startsWith('/api/') && !rawPath.startsWith('/_local/') && rawPath !== '/health' && !rawPath.startsWith('/.well-known/');

/** The file under `root` for `rawPath`, or `undefined` when it would leave `root`. */
const fileFor = (root: string, rawPath: string): string | undefined => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return undefined; // malformed percent-encoding names no file
  }
  const file = path.resolve(root, `.${path.posix.normalize(decoded)}`);
  return file === root || file.startsWith(`${root}${path.sep}`) ? file : undefined;
};

const isFile = async (file: string): Promise<boolean> => (await stat(file).catch(() => undefined))?.isFile() ?? false;

/**
 * Answers a GET or HEAD of the app. Hashed assets are cached for a year; `index.html` is checked
 * every time, so a new build shows at the next load. `config` is what `/config.json` says: the
 * development sign-in unless told otherwise (a test of the OIDC sign-in names its provider).
 */
export const serveApp = async (res: http.ServerResponse, rawPath: string, method: string, root = webDist, config: unknown = localAppConfig): Promise<void> => {
  const headers = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'same-origin' };
  if (rawPath === '/config.json') {
    res.writeHead(200, { ...headers, 'content-type': contentTypes['.json']!, 'cache-control': 'no-store' });
    return void res.end(method === 'HEAD' ? undefined : JSON.stringify(config));
  }
  const requested = fileFor(root, rawPath === '/' ? '/index.html' : rawPath);
  const asked = requested && (await isFile(requested)) ? requested : undefined;
  // A path with an extension names a file: a missing one is a 404, not the app.
  if (!asked && path.posix.extname(rawPath) !== '') {
    res.writeHead(404, { ...headers, 'content-type': contentTypes['.txt']! });
    return void res.end(method === 'HEAD' ? undefined : '未找到该文件 / not found');
  }
  const file = asked ?? path.join(root, 'index.html');
  if (!asked && !(await isFile(file))) {
    res.writeHead(503, { ...headers, 'content-type': contentTypes['.txt']! });
    return void res.end(method === 'HEAD' ? undefined : '网页尚未构建：请运行 npm start 或 npm run build:web / the web app is not built: run npm start or npm run build:web');
  }
  const extension = path.extname(file);
  const immutable = file.startsWith(path.join(root, 'assets') + path.sep);
  res.writeHead(200, {
    ...headers,
    'content-type': contentTypes[extension] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...(extension === '.html' ? { 'content-security-policy': contentSecurityPolicy } : {}),
  });
  res.end(method === 'HEAD' ? undefined : await readFile(file));
};
