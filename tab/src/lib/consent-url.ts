import type { RuntimeConfig } from '@confer/contracts';

/** State prefix that tells auth-end.html this redirect ends a Teams consent popup, not an MSAL flow. */
export const TEAMS_CONSENT_STATE_PREFIX = 'confer-teams-consent.';

export interface ConsentUrlInput {
  readonly scopes: readonly string[];
  readonly loginHint: string;
  readonly state: string;
  readonly codeChallenge: string;
}

/**
 * The consent popup goes straight to the authority's authorize endpoint with `prompt=consent` (reference §3):
 * teams-js only opens https URLs in `authentication.authenticate`, and the authority is https while a local
 * tab may be plain http. The code is never redeemed; granting consent is the point. PKCE is sent anyway
 * because the redirect URI is registered as a SPA, for which the authority requires it.
 */
export function buildConsentUrl(config: RuntimeConfig, input: ConsentUrlInput): string {
  const url = new URL(`${config.authority.replace(/\/+$/, '')}/oauth2/v2.0/authorize`);
  const scopes = input.scopes.length > 0 ? input.scopes : [defaultScopeOf(config.apiScope)];
  const params = {
    client_id: config.clientId,
    response_type: 'code',
    response_mode: 'query',
    redirect_uri: new URL('/auth-end.html', config.redirectUri).href,
    scope: ['openid', 'profile', ...scopes].join(' '),
    prompt: 'consent',
    state: input.state,
    code_challenge: input.codeChallenge,
    code_challenge_method: 'S256',
  };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  if (input.loginHint) url.searchParams.set('login_hint', input.loginHint);
  return url.href;
}

/** `api://host/clientId/access_as_user` → `api://host/clientId/.default`: every permission the app declares. */
export function defaultScopeOf(apiScope: string): string {
  return `${apiScope.slice(0, apiScope.lastIndexOf('/'))}/.default`;
}

export async function createConsentUrl(config: RuntimeConfig, scopes: readonly string[], loginHint: string) {
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  const state = `${TEAMS_CONSENT_STATE_PREFIX}${base64Url(crypto.getRandomValues(new Uint8Array(12)))}`;
  return buildConsentUrl(config, { scopes, loginHint, state, codeChallenge: base64Url(new Uint8Array(digest)) });
}

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
