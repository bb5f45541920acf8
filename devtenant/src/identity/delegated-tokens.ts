import type { DirectoryUser } from '../graph/context.ts';
import type { RegisteredApp } from './app-registry.ts';
import { EntraError } from './entra-error.ts';
import { GRAPH_RESOURCE, OIDC_SCOPES } from './graph-scopes.ts';
import type { IdentityDeps } from './identity-deps.ts';
import { REFRESH_TOKEN_LIFETIME_MS, SPA_REFRESH_TOKEN_LIFETIME_MS } from './refresh-token-store.ts';
import { parseScopeRequest, type ScopeRequest } from './scope-request.ts';
import { clientInfo } from './token-issuer.ts';

export interface TokenResponse {
  token_type: 'Bearer';
  scope: string;
  expires_in: number;
  ext_expires_in: number;
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  client_info?: string;
}

export interface DelegatedIssueRequest {
  app: RegisteredApp;
  clientKind: 'confidential' | 'spa';
  user: DirectoryUser;
  /** The raw `scope` parameter (space separated). */
  scope: string;
  wantClientInfo: boolean;
  nonce?: string;
  /** For a refresh of a SPA token: the original fixed expiry, which a new refresh token must not extend. */
  spaExpiresAt?: number;
}

/**
 * Mints the token response of every user flow (OBO, authorization code, refresh): an access token for the
 * requested resource with the consented permissions in `scp` (Entra puts all consented scopes of the resource
 * in the token) and, for an app's own API, the user's roles on that app in `roles`; plus `id_token` for
 * `openid` (with the user's roles on the client app), a refresh token for `offline_access` and `client_info`
 * for MSAL.
 */
export function issueDelegatedTokens(deps: IdentityDeps, request: DelegatedIssueRequest): TokenResponse {
  const parsed = parseScopeRequest(request.scope, deps.apps, deps.tenantId);
  const { audience, scopes, roles, prefix } = resolveAccess(deps, request, parsed);
  const access = deps.issuer.delegatedAccessToken({
    audience,
    user: request.user,
    clientId: request.app.clientId,
    clientAuthentication: request.clientKind === 'spa' ? '0' : '1',
    scopes,
    roles,
  });
  const oidcEcho = [...parsed.oidc].filter((s) => s !== 'offline_access');
  const response: TokenResponse = {
    token_type: 'Bearer',
    scope: [...scopes.map((s) => `${prefix}/${s}`), ...oidcEcho].join(' '),
    expires_in: access.expiresIn,
    ext_expires_in: access.expiresIn,
    access_token: access.token,
  };
  if (parsed.oidc.has('offline_access')) response.refresh_token = issueRefreshToken(deps, request);
  if (parsed.oidc.has('openid')) {
    response.id_token = deps.issuer.idToken(request.user, request.app.clientId, {
      nonce: request.nonce,
      email: parsed.oidc.has('email'),
      roles: deps.appRoles.rolesOf(request.app, request.user),
    });
  }
  if (request.wantClientInfo) response.client_info = clientInfo(request.user);
  return response;
}

function resolveAccess(deps: IdentityDeps, request: DelegatedIssueRequest, parsed: ScopeRequest) {
  const granted = deps.consent.delegatedScopes(request.app.clientId, request.user.id);
  const grantedLower = new Set(granted.map((s) => s.toLowerCase()));
  const missingOidc = [...parsed.oidc].filter((s) => !grantedLower.has(s));
  const resource = parsed.resource;
  if (resource?.kind === 'app') {
    // An app calling its own API (or a pre-authorised Teams client) needs no Graph consent beyond sign-in.
    if (missingOidc.length > 0) throw consentRequired(request.app);
    const scopes = parsed.isDefault ? resource.app.exposedScopes : parsed.scopes;
    return {
      audience: resource.app.clientId,
      scopes,
      roles: deps.appRoles.rolesOf(resource.app, request.user),
      prefix: resource.app.identifierUris[0] ?? `api://${resource.app.clientId}`,
    };
  }
  const graphGranted = granted.filter((s) => !OIDC_SCOPES.has(s.toLowerCase()));
  const missing = parsed.scopes.filter((s) => !grantedLower.has(s.toLowerCase()));
  if (missing.length > 0 || missingOidc.length > 0 || (parsed.isDefault && graphGranted.length === 0)) {
    throw consentRequired(request.app);
  }
  // Graph is the resource here, so the roles of the calling app never appear (docs/reference/teams-platform.md §9).
  return { audience: GRAPH_RESOURCE, scopes: graphGranted, roles: [], prefix: GRAPH_RESOURCE };
}

export function consentRequired(app: RegisteredApp): EntraError {
  return new EntraError(
    'invalid_grant',
    65001,
    `The user or administrator has not consented to use the application with ID '${app.clientId}' named '${app.displayName}'. Send an interactive authorization request for this user and resource.`,
    { suberror: 'consent_required' },
  );
}

function issueRefreshToken(deps: IdentityDeps, request: DelegatedIssueRequest): string {
  const now = deps.clock.now().getTime();
  const spa = request.clientKind === 'spa';
  const expiresAt = spa
    ? (request.spaExpiresAt ?? now + SPA_REFRESH_TOKEN_LIFETIME_MS)
    : now + REFRESH_TOKEN_LIFETIME_MS;
  return deps.refreshTokens.issue({
    clientId: request.app.clientId,
    userId: request.user.id,
    scope: request.scope,
    issuedAt: now,
    expiresAt,
    spa,
  });
}
