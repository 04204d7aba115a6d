/**
 * Sign-in in AWS: the authorization code flow with PKCE (RFC 7636) against the configured OpenID
 * provider (Cognito by default, any OIDC issuer otherwise), done by oauth4webapi in the browser, a
 * public client with no secret. The ID token carries the role and unit claims the API checks.
 * Loaded only when the configuration names an issuer.
 */
import * as oauth from 'oauth4webapi';
import { callbackPath } from './config.js';

interface Pending {
  readonly verifier: string;
  readonly state: string;
  readonly nonce: string;
}

const pendingKey = 'cg.oidc';
const redirectUri = () => `${location.origin}${callbackPath}`;

/**
 * Plain HTTP only to a provider on this machine (a development or test provider); any other issuer
 * must be HTTPS, as oauth4webapi insists.
 */
const transport = (issuer: URL): { [oauth.allowInsecureRequests]?: boolean } =>
  issuer.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname) ? { [oauth.allowInsecureRequests]: true } : {};

const discover = async (issuer: string): Promise<oauth.AuthorizationServer> => {
  const url = new URL(issuer);
  return oauth.processDiscoveryResponse(url, await oauth.discoveryRequest(url, { algorithm: 'oidc', ...transport(url) }));
};

/** Sends the browser to the provider's sign-in page. */
export const beginSignIn = async (issuer: string, clientId: string, scope = 'openid profile'): Promise<void> => {
  const server = await discover(issuer);
  if (!server.authorization_endpoint) throw new Error('The provider names no authorization endpoint');
  const pending: Pending = { verifier: oauth.generateRandomCodeVerifier(), state: oauth.generateRandomState(), nonce: oauth.generateRandomNonce() };
  sessionStorage.setItem(pendingKey, JSON.stringify(pending));
  const url = new URL(server.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: clientId,
    redirect_uri: redirectUri(),
    response_type: 'code',
    scope,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await oauth.calculatePKCECodeChallenge(pending.verifier),
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
};

/** Completes the sign-in on the callback page: the ID token, checked against the state and nonce sent. */
export const completeSignIn = async (issuer: string, clientId: string): Promise<string> => {
  const pending = JSON.parse(sessionStorage.getItem(pendingKey) ?? 'null') as Pending | null;
  sessionStorage.removeItem(pendingKey);
  if (!pending) throw new Error('No sign-in is under way');
  const server = await discover(issuer);
  const client: oauth.Client = { client_id: clientId };
  const parameters = oauth.validateAuthResponse(server, client, new URL(location.href), pending.state);
  const response = await oauth.authorizationCodeGrantRequest(server, client, oauth.None(), parameters, redirectUri(), pending.verifier, transport(new URL(issuer)));
  const tokens = await oauth.processAuthorizationCodeResponse(server, client, response, { expectedNonce: pending.nonce, requireIdToken: true });
  if (!tokens.id_token) throw new Error('The provider returned no ID token');
  return tokens.id_token;
};
