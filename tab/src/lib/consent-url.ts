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
 * The consent popup goes straight to the authority's authorize endpoint with `prompt=consent`
 * (docs/reference/teams-platform.md §3): teams-js only opens https URLs in `authentication.authenticate`, and
 * the authority is https while a local
 * tab may be plain http. The code is never redeemed; granting consent is the point. PKCE is sent anyway
 * because the redirect URI is registered as a SPA, for which the authority requires it.
 */
export function buildConsentUrl(config: RuntimeConfig, input: ConsentUrlInput): string {
  const url = new URL(`${config.authority.replace(/\/+$/, '')}/oauth2/v2.0/authorize`);
  const scopes = consentScopes(input.scopes);
  const params = {
    client_id: config.clientId,
    response_type: 'code',
    response_mode: 'query',
    redirect_uri: new URL('/auth-end.html', config.redirectUri).href,
    // offline_access too, as MSAL asks: the API's On-Behalf-Of request includes it and needs it consented.
    scope: ['openid', 'profile', 'offline_access', ...scopes].join(' '),
    prompt: 'consent',
    state: input.state,
    code_challenge: input.codeChallenge,
    code_challenge_method: 'S256',
  };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  if (input.loginHint) url.searchParams.set('login_hint', input.loginHint);
  return url.href;
}

/**
 * Graph's `.default`: every delegated Graph permission Confer's registration declares, which is what the API's
 * On-Behalf-Of exchange needs (consenting to Confer's own API scope alone grants nothing on Graph). Graph scopes
 * are named as against the real service in every tenant, devtenant included.
 */
export const GRAPH_DEFAULT_SCOPE = 'https://graph.microsoft.com/.default';

/** The scopes the API named with `consent_required`, or Graph's `.default`. */
export function consentScopes(requested: readonly string[]): string[] {
  return requested.length > 0 ? [...requested] : [GRAPH_DEFAULT_SCOPE];
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
