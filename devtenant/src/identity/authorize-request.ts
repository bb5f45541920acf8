import type { RegisteredApp } from './app-registry.ts';
import { EntraError } from './entra-error.ts';
import { type IdentityDeps, isKnownTenant } from './identity-deps.ts';
import { parseScopeRequest, type ScopeRequest } from './scope-request.ts';

export type ResponseMode = 'query' | 'fragment' | 'form_post';

/** The OAuth parameters of an authorize request that travel through the sign-in and consent pages. */
export const CARRIED_PARAMS = [
  'client_id',
  'redirect_uri',
  'response_type',
  'response_mode',
  'scope',
  'state',
  'nonce',
  'code_challenge',
  'code_challenge_method',
  'prompt',
  'login_hint',
  'client_info',
  'domain_hint',
] as const;

export interface AuthorizeRequest {
  app: RegisteredApp;
  redirectUri: string;
  responseMode: ResponseMode;
  params: Record<string, string | undefined>;
  scopes: ScopeRequest;
  prompt: string | undefined;
}

/** Problems Entra cannot report to the app because the redirect target itself is not trusted: shown as a page. */
export class UntrustedRequestError extends Error {
  constructor(
    readonly aadsts: number,
    message: string,
  ) {
    super(message);
  }
}

/** Problems reported back to the app's redirect URI as `error` / `error_description`. */
export class RedirectableError extends Error {
  constructor(
    readonly request: Omit<AuthorizeRequest, 'scopes'>,
    readonly entra: EntraError,
  ) {
    super(entra.message);
  }
}

export function parseAuthorizeRequest(
  deps: IdentityDeps,
  tenant: string,
  raw: Record<string, string | undefined>,
): AuthorizeRequest {
  const { app, redirectUri } = trustedClient(deps, tenant, raw);
  const params: Record<string, string | undefined> = {};
  for (const name of CARRIED_PARAMS) params[name] = raw[name];
  const responseMode = (raw.response_mode ?? 'query') as ResponseMode;
  const base = {
    app,
    redirectUri,
    params,
    prompt: raw.prompt,
    responseMode: (['query', 'fragment', 'form_post'].includes(responseMode) ? responseMode : 'query') as ResponseMode,
  };
  if (!['query', 'fragment', 'form_post'].includes(responseMode)) {
    throw new RedirectableError(
      base,
      new EntraError('invalid_request', 900144, `The response_mode '${responseMode}' is not supported.`),
    );
  }
  if (raw.response_type !== 'code') {
    throw new RedirectableError(
      base,
      new EntraError(
        'invalid_request',
        70015 /* unsupported_response_type */,
        `The provided value for the input parameter 'response_type' is not allowed for this request. Expected value: 'code'.`,
      ),
    );
  }
  if (raw.code_challenge && raw.code_challenge_method && !['S256', 'plain'].includes(raw.code_challenge_method)) {
    throw new RedirectableError(
      base,
      new EntraError('invalid_request', 50146, 'The code_challenge_method parameter must be S256 or plain.'),
    );
  }
  try {
    return { ...base, scopes: parseScopeRequest(raw.scope, deps.apps, deps.tenantId) };
  } catch (error) {
    if (error instanceof EntraError) throw new RedirectableError(base, error);
    throw error;
  }
}

/** Graph (or OIDC) scopes this user still has to consent to before a code can be issued for `request`. */
export function scopesNeedingConsent(
  deps: IdentityDeps,
  request: AuthorizeRequest,
  userId: string,
  defaultScopes: readonly string[],
): string[] {
  const granted = new Set(deps.consent.delegatedScopes(request.app.clientId, userId).map((s) => s.toLowerCase()));
  const wanted = [...request.scopes.oidc];
  if (request.scopes.resource?.kind !== 'app') {
    wanted.push(...(request.scopes.isDefault ? defaultScopes : request.scopes.scopes));
  }
  return wanted.filter((scope) => !granted.has(scope.toLowerCase()));
}

/** The scopes to show on a consent screen: everything asked for, even when part of it is already granted. */
export function requestedScopeNames(request: AuthorizeRequest, defaultScopes: readonly string[]): string[] {
  const graph =
    request.scopes.resource?.kind === 'app'
      ? []
      : request.scopes.isDefault
        ? [...defaultScopes]
        : [...request.scopes.scopes];
  return [...new Set([...graph, ...request.scopes.oidc])];
}

/**
 * The tenant, the app and the redirect URI of a request to a sign-in endpoint. Entra shows a problem with any of
 * them as an error page and never redirects: the address could be anyone's.
 */
export function trustedClient(
  deps: IdentityDeps,
  tenant: string,
  raw: Record<string, string | undefined>,
): { app: RegisteredApp; redirectUri: string } {
  if (!isKnownTenant(deps, tenant)) throw new UntrustedRequestError(90002, `Tenant '${tenant}' not found.`);
  const app = raw.client_id ? deps.apps.byClientId(raw.client_id) : undefined;
  if (!app) {
    throw new UntrustedRequestError(
      700016,
      `Application with identifier '${raw.client_id ?? ''}' was not found in the directory '${deps.tenantId}'.`,
    );
  }
  const redirectUri = raw.redirect_uri;
  if (!redirectUri || !app.redirectUris.includes(redirectUri)) {
    throw new UntrustedRequestError(
      50011,
      `The redirect URI '${redirectUri ?? ''}' specified in the request does not match the redirect URIs configured for the application '${app.clientId}'.`,
    );
  }
  return { app, redirectUri };
}
