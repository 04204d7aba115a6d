/**
 * The app's settings, read from `/config.json` beside it: the local runtime answers it with the
 * development sign-in; the CDK app writes it with the OIDC issuer and client.
 */
export type AuthConfig = { readonly mode: 'development' } | { readonly mode: 'oidc'; readonly issuer: string; readonly clientId: string; readonly scope?: string };

export interface AppConfig {
  readonly auth: AuthConfig;
}

let loaded: Promise<AppConfig> | undefined;

export const appConfig = (): Promise<AppConfig> =>
  (loaded ??= fetch('/config.json', { cache: 'no-store' }).then(async (response) => {
    if (!response.ok) throw new Error(`config.json: ${response.status}`);
    return (await response.json()) as AppConfig;
  }));

export { callbackPath } from './paths.js';
