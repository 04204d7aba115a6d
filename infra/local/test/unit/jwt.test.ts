import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { base64url, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import {
  CLOCK_SKEW_SECONDS,
  loadOrCreateKeys,
  localAlgorithm,
  localAudience,
  localIssuer,
  localKeyId,
  signToken,
  verifyToken,
  type KeyPair,
} from '../../jwt.js';

/** The moment every check runs at, so that no test depends on the clock. */
const now = new Date('2027-01-24T01:00:00Z');
const nowSeconds = now.getTime() / 1000;
const hour = 3600;

let dataDir: string;
let keys: KeyPair;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'jwt-test-'));
  keys = await loadOrCreateKeys(dataDir);
});

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

/** The claims of a valid local ID token at {@link now}; each test changes one thing. */
const validClaims = (): JWTPayload => ({
  sub: 'dev-admin',
  'custom:role': 'admin',
  token_use: 'id',
  iss: localIssuer,
  aud: localAudience,
  iat: nowSeconds - 60,
  exp: nowSeconds + hour,
});

const sign = (
  claims: JWTPayload,
  { key = keys.privateKey, header = { alg: localAlgorithm, kid: localKeyId, typ: 'JWT' } }: { key?: CryptoKey; header?: { alg: string; kid?: string; typ?: string } } = {},
): Promise<string> => new SignJWT(claims).setProtectedHeader(header).sign(key);

const without = (claims: JWTPayload, name: string): JWTPayload => Object.fromEntries(Object.entries(claims).filter(([key]) => key !== name));

/** A token whose header says `alg: none`, with an empty signature (RFC 7519 section 6). */
const unsecured = (header: Record<string, unknown>, claims: JWTPayload): string =>
  `${base64url.encode(JSON.stringify(header))}.${base64url.encode(JSON.stringify(claims))}.`;

describe('the local JWT check, as the HTTP API JWT authorizer does it', () => {
  it('accepts a valid token and hands on its claims as strings', async () => {
    // Prepare
    const token = await sign(validClaims());

    // Act
    const claims = await verifyToken(keys, token, { now });

    // Assess
    expect(claims).toEqual({
      sub: 'dev-admin',
      'custom:role': 'admin',
      token_use: 'id',
      iss: localIssuer,
      aud: localAudience,
      iat: String(nowSeconds - 60),
      exp: String(nowSeconds + hour),
    });
  });

  it('accepts the tokens signToken makes', async () => {
    // Prepare
    const token = await signToken(keys, 'unit_secretary', 'unit-1', 'secretary-1');

    // Act
    const claims = await verifyToken(keys, token);

    // Assess
    expect(claims).toEqual(expect.objectContaining({ sub: 'secretary-1', 'custom:role': 'unit_secretary', 'custom:unit': 'unit-1' }));
  });

  it('renders numbers and booleans as their text, arrays as "[a b]", objects as JSON, and leaves null claims out', async () => {
    // Prepare
    const token = await sign({ ...validClaims(), auth_time: 1800000000, email_verified: true, 'cognito:groups': ['admins', 'auditors'], address: { locality: '海城市' }, nickname: null });

    // Act
    const claims = await verifyToken(keys, token, { now });

    // Assess
    expect(claims).toEqual(
      expect.objectContaining({ auth_time: '1800000000', email_verified: 'true', 'cognito:groups': '[admins auditors]', address: '{"locality":"海城市"}' }),
    );
    expect(claims).not.toHaveProperty('nickname');
  });

  it('accepts an audience list that names the local audience', async () => {
    // Prepare
    const token = await sign({ ...validClaims(), aud: ['another-client', localAudience] });

    // Act
    const claims = await verifyToken(keys, token, { now });

    // Assess
    expect(claims?.aud).toBe(`[another-client ${localAudience}]`);
  });

  it('accepts an access token without aud whose client_id is the audience', async () => {
    // Prepare
    const token = await sign({ ...without(validClaims(), 'aud'), token_use: 'access', client_id: localAudience });

    // Act
    const claims = await verifyToken(keys, token, { now });

    // Assess
    expect(claims?.client_id).toBe(localAudience);
  });

  it(`accepts an iat up to ${CLOCK_SKEW_SECONDS} s ahead of the clock`, async () => {
    // Prepare
    const token = await sign({ ...validClaims(), iat: nowSeconds + CLOCK_SKEW_SECONDS, nbf: nowSeconds + CLOCK_SKEW_SECONDS });

    // Act
    const claims = await verifyToken(keys, token, { now });

    // Assess
    expect(claims?.iat).toBe(String(nowSeconds + CLOCK_SKEW_SECONDS));
  });

  it.each<[string, () => Promise<string>]>([
    ['without exp', () => sign(without(validClaims(), 'exp'))],
    ['with a non-numeric exp', () => sign({ ...validClaims(), exp: String(nowSeconds + hour) as unknown as number })],
    ['expired', () => sign({ ...validClaims(), iat: nowSeconds - 2 * hour, exp: nowSeconds - 1 })],
    ['expiring this very second', () => sign({ ...validClaims(), exp: nowSeconds })],
    ['with nbf in the future', () => sign({ ...validClaims(), nbf: nowSeconds + CLOCK_SKEW_SECONDS + 1 })],
    ['with iat in the future beyond the skew', () => sign({ ...validClaims(), iat: nowSeconds + CLOCK_SKEW_SECONDS + 1 })],
    ['with a non-numeric iat', () => sign({ ...validClaims(), iat: 'yesterday' as unknown as number })],
    ['from another issuer', () => sign({ ...validClaims(), iss: 'https://cognito-idp.cn-north-1.amazonaws.com.cn/cn-north-1_example' })],
    ['without iss', () => sign(without(validClaims(), 'iss'))],
    ['for another audience', () => sign({ ...validClaims(), aud: 'another-client' })],
    ['for another audience but with the right client_id (aud wins)', () => sign({ ...validClaims(), aud: 'another-client', client_id: localAudience })],
    ['without aud or client_id', () => sign(without(validClaims(), 'aud'))],
    ['signed with another key', async () => sign(validClaims(), { key: (await generateKeyPair(localAlgorithm)).privateKey })],
    ['naming another kid', () => sign(validClaims(), { header: { alg: localAlgorithm, kid: 'local-2', typ: 'JWT' } })],
    ['naming no kid', () => sign(validClaims(), { header: { alg: localAlgorithm, typ: 'JWT' } })],
    ['with alg none', async () => unsecured({ alg: 'none', kid: localKeyId, typ: 'JWT' }, validClaims())],
    [
      'signed with HS256 using the public key as the secret (algorithm confusion)',
      async () => sign(validClaims(), { key: new TextEncoder().encode(JSON.stringify(keys.publicJwk)) as unknown as CryptoKey, header: { alg: 'HS256', kid: localKeyId } }),
    ],
    ['with a tampered payload', async () => {
      const [header, , signature] = (await sign(validClaims())).split('.');
      return `${header}.${base64url.encode(JSON.stringify({ ...validClaims(), 'custom:role': 'admin', sub: 'someone-else' }))}.${signature}`;
    }],
    ['that is not a JWT', async () => 'not-a-token'],
  ])('rejects a token %s', async (_case, make) => {
    // Prepare
    const token = await make();

    // Act
    const claims = await verifyToken(keys, token, { now });

    // Assess
    expect(claims).toBeUndefined();
  });
});
