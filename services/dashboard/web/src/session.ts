/**
 * The signed-in person: the bearer token and what its claims say (role, unit). Kept in
 * sessionStorage, so it ends with the tab and is never shared between tabs or sent anywhere but
 * this origin's API.
 */
import type { Role } from './terms.js';

export interface Session {
  readonly token: string;
  readonly role: Role;
  /** The unit the person acts for; `null` for an admin of the whole tree. */
  readonly unitId: string | null;
  readonly subject: string;
  /** Seconds since the epoch. */
  readonly expiresAt: number;
}

const storageKey = 'cg.session';

/** The claims of a JWT, read without checking it: the API checks it on every request. */
const claimsOf = (token: string): Record<string, unknown> => {
  const payload = token.split('.')[1] ?? '';
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as Record<string, unknown>;
};

/** The session a token opens; `undefined` when it is not one of ours. */
const sessionOf = (token: string): Session | undefined => {
  try {
    const claims = claimsOf(token);
    const role = claims['custom:role'];
    if (typeof role !== 'string') return undefined;
    const unit = claims['custom:unit'];
    return { token, role: role as Role, unitId: typeof unit === 'string' ? unit : null, subject: String(claims.sub ?? ''), expiresAt: Number(claims.exp ?? 0) };
  } catch {
    return undefined;
  }
};

export const currentSession = (): Session | undefined => {
  const token = sessionStorage.getItem(storageKey);
  const session = token ? sessionOf(token) : undefined;
  return session && session.expiresAt * 1000 > Date.now() ? session : undefined;
};

export const startSession = (token: string): Session | undefined => {
  const session = sessionOf(token);
  if (session) sessionStorage.setItem(storageKey, token);
  return session;
};

/** Dispatched on `window` when the session ends (signed out, or a 401 from the API). */
export const sessionEnded = 'cg:session-ended';

export const endSession = (): void => {
  sessionStorage.removeItem(storageKey);
  window.dispatchEvent(new Event(sessionEnded));
};
