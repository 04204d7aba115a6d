/**
 * Bad input through the local gateway, on the real broker and DynamoDB Local: every case is a 4xx
 * answered as RFC 9457 problem+json, and nothing is written (checked in DynamoDB).
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { SignJWT } from 'jose';
import type { Runtime } from '../../runtime.js';
import { localAudience, localIssuer } from '../../jwt.js';
import { api, documentClient, registerUnit, saveDraftWhenKnown, startTestRuntime, tokenFor } from '../support/harness.js';

let runtime: Runtime;
let city: string;
let county: string;
let sibling: string;
const suffix = Date.now().toString(36);
const unknownUnit = '0196a0f2-0000-7000-8000-00000000dead';

beforeAll(async () => {
  runtime = await startTestRuntime();
  city = await registerUnit(runtime, `市-${suffix}`, undefined, '市委');
  county = await registerUnit(runtime, `县-${suffix}`, city);
  sibling = await registerUnit(runtime, `邻县-${suffix}`, city);
  // Both counties must be known to reports, so that a refusal is not only a unit still unknown.
  await saveDraftWhenKnown(runtime, county, 2029, await tokenFor(runtime, 'unit_staff', county));
  await saveDraftWhenKnown(runtime, sibling, 2029, await tokenFor(runtime, 'unit_staff', sibling));
});

afterAll(async () => {
  await runtime?.stop();
});

const reportOf = async (unitId: string, year: number) =>
  (await documentClient().send(new GetCommand({ TableName: 'reports', Key: { pk: `ANNUAL_REPORTS#${year}`, sk: `UNIT#${unitId}` } }))).Item;
const count = async (table: string, pk: string) =>
  (await documentClient().send(new QueryCommand({ TableName: table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, Select: 'COUNT' }))).Count;
/** What a write would change: the units and the outbox of both writing services. */
const written = async () =>
  Promise.all([count('signing', 'UNITS'), count('reports', 'ANNUAL_REPORTS#2030'), count('reports', 'ANNUAL_REPORTS#2027')]);

/** A request as the test sends it: a raw path, headers of its own, a raw body. */
interface Raw {
  readonly method: string;
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}
const send = async (r: Raw) => {
  const answer = await api(runtime, r.method, r.path, { headers: r.headers ?? {}, ...(r.body === undefined ? {} : { body: r.body }) });
  return { ...answer, allow: answer.headers.allow };
};
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const json = { 'content-type': 'application/json' };
const draft = JSON.stringify({ summary: 'x', sections: [] });

/** A token signed with the local key, with the claims the case wants. */
const craftedToken = async (change: (jwt: SignJWT) => SignJWT) =>
  change(
    new SignJWT({ 'custom:role': 'admin' }).setProtectedHeader({ alg: 'ES256', kid: 'local-1', typ: 'JWT' }).setSubject('crafted').setIssuer(localIssuer).setAudience(localAudience),
  ).sign(runtime.keys.privateKey);
const nowSeconds = () => Math.floor(Date.now() / 1000);

interface Case {
  readonly name: string;
  readonly request: () => Promise<Raw>;
  readonly status: number;
  readonly field?: string;
}
const cases: Case[] = [
  // Ids
  { name: 'a unitId of 2 KB in the path', request: async () => ({ method: 'PUT', path: `/api/units/${'a'.repeat(2048)}/annual-reports/2030`, headers: { ...json, ...bearer(await tokenFor(runtime, 'unit_staff', county)) }, body: draft }), status: 400, field: 'path.unitId' },
  { name: 'a parentId of 2 KB in the body', request: async () => ({ method: 'POST', path: '/api/units', headers: { ...json, ...bearer(await tokenFor(runtime, 'admin')) }, body: JSON.stringify({ name: 'x', category: 'y', parentId: 'p'.repeat(2048) }) }), status: 400, field: 'body.parentId' },
  // Percent-encoding
  { name: 'a cut UTF-8 sequence in the path (%E0%A4%A)', request: async () => ({ method: 'PUT', path: '/api/units/%E0%A4%A/annual-reports/2030', headers: { ...json, ...bearer(await tokenFor(runtime, 'unit_staff', county)) }, body: draft }), status: 400, field: 'path.unitId' },
  { name: 'a malformed escape in the path (%ZZ)', request: async () => ({ method: 'POST', path: '/api/units/%ZZ/annual-reports/2030/submit', headers: bearer(await tokenFor(runtime, 'unit_secretary', county)) }), status: 400, field: 'path.unitId' },
  // Years
  { name: 'a hex year', request: async () => ({ method: 'PUT', path: `/api/units/${county}/annual-reports/0x7EB`, headers: { ...json, ...bearer(await tokenFor(runtime, 'unit_staff', county)) }, body: draft }), status: 400, field: 'path.year' },
  { name: 'a padded year', request: async () => ({ method: 'PUT', path: `/api/units/${county}/annual-reports/%20%202027`, headers: { ...json, ...bearer(await tokenFor(runtime, 'unit_staff', county)) }, body: draft }), status: 400, field: 'path.year' },
  { name: 'a year out of range', request: async () => ({ method: 'GET', path: '/api/dashboard/annual-reports?year=1999', headers: bearer(await tokenFor(runtime, 'admin')) }), status: 400, field: 'query.year' },
  { name: 'an unknown query parameter', request: async () => ({ method: 'GET', path: '/api/dashboard/annual-reports?year=2027&yaer=2026', headers: bearer(await tokenFor(runtime, 'admin')) }), status: 400, field: 'query' },
  // Bodies
  { name: 'malformed JSON', request: async () => ({ method: 'PUT', path: `/api/units/${county}/annual-reports/2030`, headers: { ...json, ...bearer(await tokenFor(runtime, 'unit_staff', county)) }, body: '{"summary": ' }), status: 400 },
  { name: 'a schema violation', request: async () => ({ method: 'PUT', path: `/api/units/${county}/annual-reports/2030`, headers: { ...json, ...bearer(await tokenFor(runtime, 'unit_staff', county)) }, body: JSON.stringify({ summary: 'x', sections: [{ title: ' ', content: 'y' }] }) }), status: 400, field: 'body.sections.0.title' },
  { name: 'a duplicate key', request: async () => ({ method: 'PUT', path: `/api/units/${county}/annual-reports/2030`, headers: { ...json, ...bearer(await tokenFor(runtime, 'unit_staff', county)) }, body: '{"summary":"a","sections":[],"summary":"b"}' }), status: 400, field: 'body.summary' },
  { name: 'a body that is not application/json', request: async () => ({ method: 'PUT', path: `/api/units/${county}/annual-reports/2030`, headers: { 'content-type': 'text/plain', ...bearer(await tokenFor(runtime, 'unit_staff', county)) }, body: draft }), status: 415 },
  { name: 'a body on a route that takes none', request: async () => ({ method: 'POST', path: `/api/units/${county}/annual-reports/2030/submit`, headers: { ...json, ...bearer(await tokenFor(runtime, 'unit_secretary', county)) }, body: '{}' }), status: 400 },
  { name: 'a body over 256 KB', request: async () => ({ method: 'PUT', path: `/api/units/${county}/annual-reports/2030`, headers: { ...json, ...bearer(await tokenFor(runtime, 'unit_staff', county)) }, body: JSON.stringify({ summary: 'x'.repeat(300 * 1024), sections: [] }) }), status: 413 },
  // Sizes of the request head
  { name: 'a query of 100 KB', request: async () => ({ method: 'GET', path: `/api/dashboard/annual-reports?year=2027&x=${'q'.repeat(100 * 1024)}`, headers: bearer(await tokenFor(runtime, 'admin')) }), status: 414 },
  { name: 'a URL over 10 KB', request: async () => ({ method: 'GET', path: `/api/units?x=${'q'.repeat(11 * 1024)}`, headers: bearer(await tokenFor(runtime, 'admin')) }), status: 414 },
  { name: 'headers over 10 KB', request: async () => ({ method: 'GET', path: '/api/units', headers: { ...bearer(await tokenFor(runtime, 'admin')), 'x-filler': 'h'.repeat(12 * 1024) } }), status: 431 },
  { name: 'headers over 64 KB', request: async () => ({ method: 'GET', path: '/api/units', headers: { ...bearer(await tokenFor(runtime, 'admin')), 'x-filler': 'h'.repeat(70 * 1024) } }), status: 431 },
  // Routes
  { name: 'an unknown route', request: async () => ({ method: 'GET', path: '/api/nothing-here', headers: bearer(await tokenFor(runtime, 'admin')) }), status: 404 },
  { name: 'a known route with another method', request: async () => ({ method: 'DELETE', path: '/api/units', headers: bearer(await tokenFor(runtime, 'admin')) }), status: 405 },
  // Tokens
  { name: 'no token', request: async () => ({ method: 'PUT', path: `/api/units/${county}/annual-reports/2030`, headers: json, body: draft }), status: 401 },
  { name: 'a token with no exp', request: async () => ({ method: 'POST', path: '/api/units', headers: { ...json, ...bearer(await craftedToken((t) => t.setIssuedAt())) }, body: JSON.stringify({ name: `无期限-${suffix}`, category: 'x' }) }), status: 401 },
  { name: 'an expired token', request: async () => ({ method: 'POST', path: '/api/units', headers: { ...json, ...bearer(await craftedToken((t) => t.setIssuedAt(nowSeconds() - 7200).setExpirationTime(nowSeconds() - 3600))) }, body: JSON.stringify({ name: `过期-${suffix}`, category: 'x' }) }), status: 401 },
  { name: 'a token not yet valid', request: async () => ({ method: 'POST', path: '/api/units', headers: { ...json, ...bearer(await craftedToken((t) => t.setIssuedAt().setNotBefore(nowSeconds() + 3600).setExpirationTime('2h'))) }, body: JSON.stringify({ name: `未生效-${suffix}`, category: 'x' }) }), status: 401 },
  { name: 'a token issued in the future', request: async () => ({ method: 'POST', path: '/api/units', headers: { ...json, ...bearer(await craftedToken((t) => t.setIssuedAt(nowSeconds() + 3600).setExpirationTime('2h'))) }, body: JSON.stringify({ name: `未来-${suffix}`, category: 'x' }) }), status: 401 },
  // Roles and reach
  { name: 'the wrong role', request: async () => ({ method: 'PUT', path: `/api/units/${county}/annual-reports/2030`, headers: { ...json, ...bearer(await tokenFor(runtime, 'discipline_inspector', county)) }, body: draft }), status: 403 },
  { name: 'another unit', request: async () => ({ method: 'PUT', path: `/api/units/${sibling}/annual-reports/2030`, headers: { ...json, ...bearer(await tokenFor(runtime, 'unit_staff', county)) }, body: draft }), status: 403 },
  { name: 'an unknown unit, answered as one out of reach', request: async () => ({ method: 'PUT', path: `/api/units/${unknownUnit}/annual-reports/2030`, headers: { ...json, ...bearer(await tokenFor(runtime, 'unit_staff', county)) }, body: draft }), status: 403 },
  { name: 'a unit registered by a non-admin', request: async () => ({ method: 'POST', path: '/api/units', headers: { ...json, ...bearer(await tokenFor(runtime, 'unit_secretary', county)) }, body: JSON.stringify({ name: '越权单位', category: 'x', parentId: county }) }), status: 403 },
  { name: 'a unit under an unknown parent, by a county admin', request: async () => ({ method: 'POST', path: '/api/units', headers: { ...json, ...bearer(await tokenFor(runtime, 'admin', county)) }, body: JSON.stringify({ name: '孤儿单位', category: 'x', parentId: unknownUnit }) }), status: 403 },
  { name: 'a unit under an unknown parent, by the whole tree’s admin', request: async () => ({ method: 'POST', path: '/api/units', headers: { ...json, ...bearer(await tokenFor(runtime, 'admin')) }, body: JSON.stringify({ name: '孤儿单位', category: 'x', parentId: unknownUnit }) }), status: 404 },
  // Development endpoints
  { name: 'the schedule endpoint without a token', request: async () => ({ method: 'POST', path: '/_local/schedule', headers: json, body: JSON.stringify({ function: 'reports-runDeadlines' }) }), status: 401 },
  { name: 'the schedule endpoint for a unit’s admin', request: async () => ({ method: 'POST', path: '/_local/schedule', headers: { ...json, ...bearer(await tokenFor(runtime, 'admin', county)) }, body: JSON.stringify({ function: 'reports-runDeadlines' }) }), status: 403 },
  { name: 'the schedule endpoint with malformed JSON', request: async () => ({ method: 'POST', path: '/_local/schedule', headers: { ...json, ...bearer(await tokenFor(runtime, 'admin')) }, body: '{"function":' }), status: 400 },
  { name: 'the schedule endpoint with a bad time', request: async () => ({ method: 'POST', path: '/_local/schedule', headers: { ...json, ...bearer(await tokenFor(runtime, 'admin')) }, body: JSON.stringify({ function: 'reports-runDeadlines', at: 'soon' }) }), status: 400, field: 'body.at' },
  { name: 'the schedule endpoint with an unknown function', request: async () => ({ method: 'POST', path: '/_local/schedule', headers: { ...json, ...bearer(await tokenFor(runtime, 'admin')) }, body: JSON.stringify({ function: 'no-such-function' }) }), status: 400 },
  { name: 'the metrics page without a token', request: async () => ({ method: 'GET', path: '/_local/metrics' }), status: 401 },
];

describe('bad input is answered as problem+json with nothing written', () => {
  it.each(cases)('$name → $status', async ({ request, status, field }) => {
    // Prepare
    const r = await request();
    const before = await written();

    // Act
    const answer = await send(r);

    // Assess
    expect(answer.status).toBe(status);
    expect(answer.contentType).toBe('application/problem+json');
    expect(answer.body).toMatchObject({ status, type: expect.stringMatching(/^\/problems\/[a-z-]+$/), title: expect.any(String) });
    if (field) expect((answer.body.errors as Array<{ path: string }> | undefined)?.map((e) => e.path)).toContain(field);
    expect(JSON.stringify(answer.body)).not.toMatch(/at .*\.ts:\d+|Exception|TableName/);
    if (status === 405) expect(answer.allow).toBe('POST, GET');
    expect(await written()).toEqual(before);
    expect(await reportOf(county, 2030)).toBeUndefined();
  });

  it('lets a good draft through afterwards, so the refusals above were not a broken route', async () => {
    // Act
    const answer = await api(runtime, 'PUT', `/api/units/${county}/annual-reports/2030`, { token: await tokenFor(runtime, 'unit_staff', county), body: { summary: ' x ', sections: [] } });

    // Assess
    expect(answer.status).toBe(200);
    expect(await reportOf(county, 2030)).toMatchObject({ unitId: county, year: 2030, summary: ' x ', status: 'draft' });
  });
});
