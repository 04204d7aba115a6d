/**
 * The web app's sign-in in AWS, in real Chromium: the authorization code flow with PKCE against an
 * OpenID provider, here `oidc-provider` (a certified implementation) on a free port with its
 * development login pages. The app is served as CloudFront serves it, its `config.json` naming the
 * provider and the app's public client. It shows that the browser sends an S256 code challenge and
 * redeems the code with its verifier and no secret, and that the app then opens the session of the
 * ID token's role and unit.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import type { Browser } from 'playwright-core';
import { buildWebApp } from '#infra/local/webBuild.js';
import { serveApp, webDist } from '#infra/local/webApp.js';
import { launchChromium, seriousViolations } from '#infra/local/support/browser.js';

let browser: Browser;
let app: http.Server;
let identity: http.Server;
let appUrl = '';
let issuer = '';
const clientId = 'cg-web';
const unitId = '01a20c8a-accf-719a-a337-e64948090efa';

const listen = async (server: http.Server): Promise<string> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

beforeAll(async () => {
  await buildWebApp();
  // The app, as CloudFront serves it; the API is not under test here and answers 503.
  app = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path.startsWith('/api/')) {
      res.writeHead(503, { 'content-type': 'application/problem+json' });
      return void res.end(JSON.stringify({ title: 'Not under test', status: 503 }));
    }
    void serveApp(res, path, req.method ?? 'GET', webDist, { auth: { mode: 'oidc', issuer, clientId, scope: 'openid profile' } });
  });
  identity = http.createServer();
  [appUrl, issuer] = await Promise.all([listen(app), listen(identity)]);
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, redirect_uris: [`${appUrl}/auth/callback`], response_types: ['code'], grant_types: ['authorization_code'], token_endpoint_auth_method: 'none' }],
    claims: { openid: ['sub'], profile: ['name', 'custom:role', 'custom:unit'] },
    // The role and unit go in the ID token, as Cognito's custom attributes do.
    conformIdTokenClaims: false,
    findAccount: async (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: async () => ({ sub, name: '杨丽华', 'custom:role': 'discipline_inspector', 'custom:unit': unitId }),
    }),
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
  });
  identity.on('request', provider.callback());
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([app, identity].map((server) => new Promise((resolve) => server?.close(resolve))));
});

it('signs in with the code flow and PKCE (S256, no secret) and opens the session of the ID token’s role and unit', async () => {
  // Prepare
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', bypassCSP: true });
  const page = await context.newPage();
  const sent: Array<{ url: string; body: string | null }> = [];
  page.on('request', (request) => {
    if (request.url().startsWith(issuer)) sent.push({ url: request.url(), body: request.postData() });
  });
  await page.goto(appUrl);
  const button = page.getByRole('button', { name: '统一身份认证登录' });
  await button.waitFor();
  expect(await seriousViolations(page)).toEqual([]);

  // Act: the provider's own login and consent pages.
  await button.click();
  await page.locator('input[name="login"]').fill('person-1');
  await page.locator('input[name="password"]').fill('any');
  await page.locator('button[type="submit"]').click();
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(`${appUrl}/oversight`);

  // Assess
  const authorize = new URL(sent.find((r) => r.url.includes('/auth?'))!.url);
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(authorize.searchParams.get('client_id')).toBe(clientId);
  const token = new URLSearchParams(sent.find((r) => r.url.endsWith('/token'))!.body ?? '');
  expect(token.get('grant_type')).toBe('authorization_code');
  expect(token.get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
  expect(token.has('client_secret')).toBe(false);
  const claims = await page.evaluate(() => {
    const stored = (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }).sessionStorage.getItem('cg.session') ?? '';
    return JSON.parse(atob(stored.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
  });
  expect(claims).toMatchObject({ iss: issuer, aud: clientId, sub: 'person-1', 'custom:role': 'discipline_inspector', 'custom:unit': unitId });
  await page.getByText('纪检监察干部').first().waitFor();
  await context.close();
});
