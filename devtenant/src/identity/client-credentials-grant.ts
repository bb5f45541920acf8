import type { Request } from 'express';
import { authenticateClient } from './client-auth.ts';
import { EntraError } from './entra-error.ts';
import { GRAPH_RESOURCE } from './graph-scopes.ts';
import type { IdentityDeps } from './identity-deps.ts';
import { parseScopeRequest } from './scope-request.ts';

export interface AppTokenResponse {
  token_type: 'Bearer';
  expires_in: number;
  ext_expires_in: number;
  access_token: string;
}

type Params = Record<string, string | undefined>;

/**
 * `client_credentials`: an app-only token whose `roles` are the application permissions an admin granted.
 * Only `{resource}/.default` is accepted (AADSTS1002012), as in Entra v2.
 */
export function clientCredentialsGrant(deps: IdentityDeps, req: Request, params: Params): AppTokenResponse {
  const { app } = authenticateClient(deps, req, params, false);
  const scope = params.scope ?? '';
  const parsed = parseScopeRequest(scope, deps.apps, deps.tenantId);
  if (!parsed.isDefault || parsed.oidc.size > 0 || !parsed.resource) {
    throw new EntraError(
      'invalid_scope',
      1002012,
      `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    );
  }
  const resource = parsed.resource;
  const token =
    resource.kind === 'graph'
      ? deps.issuer.appAccessToken({
          audience: GRAPH_RESOURCE,
          app,
          roles: deps.consent.applicationRoles(app.clientId),
        })
      : deps.issuer.appAccessToken({ audience: resource.app.clientId, app, roles: [] });
  return {
    token_type: 'Bearer',
    expires_in: token.expiresIn,
    ext_expires_in: token.expiresIn,
    access_token: token.token,
  };
}
