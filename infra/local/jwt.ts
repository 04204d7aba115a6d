/**
 * Local stand-in for the identity provider: an ES256 key pair kept in the data folder, tokens
 * signed with it, and verification by the rules of API Gateway's HTTP API JWT authorizer
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html):
 * the key's algorithm and `kid`, the signature, `iss`, `aud` (or `client_id`), a required `exp` in
 * the future, and `nbf` and `iat` not in the future. Claims reach handlers as strings, as in AWS.
 * The choices where AWS says nothing (clock skew, rendering of non-string claims) are in
 * docs/adr/0008-jwt-check-and-cron-dialect.md.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compactVerify, exportJWK, generateKeyPair, importJWK, SignJWT, type CryptoKey, type JWK } from 'jose';
import type { Role } from '#shared/auth/roles.js';

/** The `iss` of local tokens; the only issuer the local check accepts. */
export const localIssuer = 'urn:clean-governance:local-idp';
/** The `aud` of local tokens; the only audience (or `client_id`) the local check accepts. */
export const localAudience = 'clean-governance-local';
/** The one signing algorithm of the local key; a token naming any other (`none`, `HS256`, ...) is refused. */
export const localAlgorithm = 'ES256';
/** The `kid` of the local key; a token whose header names another key is refused. */
export const localKeyId = 'local-1';

/**
 * How far, in seconds, a token's `nbf` or `iat` may lie ahead of this machine's clock and still be
 * accepted, for a token minted on a machine whose clock runs slightly ahead. It never extends
 * `exp`: an expired token is refused at once. AWS documents no skew, so the value is ours.
 */
export const CLOCK_SKEW_SECONDS = 30;

/** The local signing key pair. */
export interface KeyPair {
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly publicJwk: JWK;
}

/** Loads the key pair from `<dataDir>/jwt`, creating it on first use. */
export const loadOrCreateKeys = async (dataDir: string): Promise<KeyPair> => {
  const dir = path.join(dataDir, 'jwt');
  const file = path.join(dir, 'es256.jwk.json');
  if (!existsSync(file)) {
    const { privateKey } = await generateKeyPair(localAlgorithm, { extractable: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, JSON.stringify({ ...(await exportJWK(privateKey)), kid: localKeyId, alg: localAlgorithm }), { mode: 0o600 });
  }
  const jwk = JSON.parse(readFileSync(file, 'utf8')) as JWK;
  const { d: _d, ...publicJwk } = jwk;
  return {
    privateKey: (await importJWK(jwk, localAlgorithm)) as CryptoKey,
    publicKey: (await importJWK(publicJwk, localAlgorithm)) as CryptoKey,
    publicJwk,
  };
};

/** Signs a development token for a role and, optionally, a unit; valid for 12 hours. */
export const signToken = async (keys: KeyPair, role: Role, unitId?: string, subject = `dev-${role}`): Promise<string> =>
  new SignJWT({ 'custom:role': role, ...(unitId ? { 'custom:unit': unitId } : {}), token_use: 'id' })
    .setProtectedHeader({ alg: localAlgorithm, kid: localKeyId, typ: 'JWT' })
    .setSubject(subject)
    .setIssuer(localIssuer)
    .setAudience(localAudience)
    .setIssuedAt()
    .setExpirationTime('12h')
    .sign(keys.privateKey);

/** Options of {@link verifyToken}. */
export interface VerifyOptions {
  /** The time to check `exp`, `nbf` and `iat` against; the current time by default. */
  readonly now?: Date;
}

const isNumericDate = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * Whether the audience rule holds: `aud` (a string or a list) must name the local audience; only a
 * token without `aud` is judged by `client_id`, as Cognito access tokens carry no `aud`
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-troubleshooting-jwt.html).
 */
const audienceMatches = (payload: Record<string, unknown>): boolean => {
  const { aud, client_id: clientId } = payload;
  if (aud === undefined) return clientId === localAudience;
  return typeof aud === 'string' ? aud === localAudience : Array.isArray(aud) && aud.includes(localAudience);
};

/** Whether the time claims hold at `nowSeconds`: `exp` required and ahead; `nbf` and `iat`, when present, not ahead beyond the skew. */
const timesHold = (payload: Record<string, unknown>, nowSeconds: number): boolean => {
  const { exp, nbf, iat } = payload;
  if (!isNumericDate(exp) || exp <= nowSeconds) return false;
  for (const claim of [nbf, iat]) {
    if (claim === undefined) continue;
    if (!isNumericDate(claim) || claim > nowSeconds + CLOCK_SKEW_SECONDS) return false;
  }
  return true;
};

/** One claim rendered as the authorizer hands it on: arrays as `[a b]`, other non-strings as JSON text. */
const claimText = (value: unknown): string => {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `[${value.map(claimText).join(' ')}]`;
  return JSON.stringify(value);
};

/**
 * Verifies a bearer token as the HTTP API JWT authorizer does and gives its claims as strings
 * (`null` claims left out), or undefined when any rule fails.
 *
 * @example
 * ```ts
 * import { loadOrCreateKeys, signToken, verifyToken } from '#infra/local/jwt.js';
 *
 * const keys = await loadOrCreateKeys('.data');
 * const claims = await verifyToken(keys, await signToken(keys, 'admin'));
 * console.log(claims?.['custom:role']); // admin
 * ```
 */
export const verifyToken = async (keys: KeyPair, token: string, options: VerifyOptions = {}): Promise<Record<string, string> | undefined> => {
  let payload: unknown;
  try {
    const verified = await compactVerify(
      token,
      (header) => {
        if (header.kid !== localKeyId) throw new Error('unknown kid');
        return keys.publicKey;
      },
      { algorithms: [localAlgorithm] },
    );
    payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(verified.payload));
  } catch {
    return undefined;
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return undefined;
  const claims = payload as Record<string, unknown>;
  const nowSeconds = (options.now ?? new Date()).getTime() / 1000;
  if (claims.iss !== localIssuer || !audienceMatches(claims) || !timesHold(claims, nowSeconds)) return undefined;
  return Object.fromEntries(
    Object.entries(claims)
      .filter(([, value]) => value !== null)
      .map(([name, value]) => [name, claimText(value)]),
  );
};
