/**
 * Local stand-in for the identity provider: an ES256 key pair kept in the data folder, tokens
 * signed with it, and verification as API Gateway's JWT authorizer does it (signature, issuer,
 * audience, expiry). Claims reach handlers as strings, as in AWS.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type JWK, type CryptoKey } from 'jose';
import type { Role } from '#shared/auth/roles.js';

export const localIssuer = 'urn:clean-governance:local-idp';
export const localAudience = 'clean-governance-local';

interface KeyPair {
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly publicJwk: JWK;
}

/** Loads the key pair from `<dataDir>/jwt`, creating it on first use. */
export const loadOrCreateKeys = async (dataDir: string): Promise<KeyPair> => {
  const dir = path.join(dataDir, 'jwt');
  const file = path.join(dir, 'es256.jwk.json');
  if (!existsSync(file)) {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, JSON.stringify({ ...(await exportJWK(privateKey)), kid: 'local-1', alg: 'ES256' }), { mode: 0o600 });
  }
  const jwk = JSON.parse(readFileSync(file, 'utf8')) as JWK;
  const { d: _d, ...publicJwk } = jwk;
  return {
    privateKey: (await importJWK(jwk, 'ES256')) as CryptoKey,
    publicKey: (await importJWK(publicJwk, 'ES256')) as CryptoKey,
    publicJwk,
  };
};

/** Signs a development token for a role and, optionally, a unit; valid for 12 hours. */
export const signToken = async (keys: KeyPair, role: Role, unitId?: string, subject = `dev-${role}`): Promise<string> =>
  new SignJWT({ 'custom:role': role, ...(unitId ? { 'custom:unit': unitId } : {}), token_use: 'id' })
    .setProtectedHeader({ alg: 'ES256', kid: 'local-1', typ: 'JWT' })
    .setSubject(subject)
    .setIssuer(localIssuer)
    .setAudience(localAudience)
    .setIssuedAt()
    .setExpirationTime('12h')
    .sign(keys.privateKey);

/** Verifies a bearer token; gives its claims as strings, or undefined when it is not valid. */
export const verifyToken = async (keys: KeyPair, token: string): Promise<Record<string, string> | undefined> => {
  try {
    const { payload } = await jwtVerify(token, keys.publicKey, { issuer: localIssuer, audience: localAudience });
    return Object.fromEntries(Object.entries(payload).map(([k, v]) => [k, typeof v === 'string' ? v : Array.isArray(v) ? `[${v.join(' ')}]` : String(v)]));
  } catch {
    return undefined;
  }
};
