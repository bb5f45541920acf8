import type { Request } from 'express';
import { authenticateClient } from './client-auth.ts';
import { issueDelegatedTokens, type TokenResponse } from './delegated-tokens.ts';
import { EntraError } from './entra-error.ts';
import type { IdentityDeps } from './identity-deps.ts';

type Params = Record<string, string | undefined>;

/**
 * `refresh_token`: rotates the refresh token and re-checks consent (a revoked grant gives AADSTS65001).
 * Expired: AADSTS700082 (inactivity) or AADSTS700084 (SPA fixed 24 h lifetime); revoked through the control
 * API (as a password reset or "revoke sessions" would): AADSTS50173.
 */
export function refreshTokenGrant(deps: IdentityDeps, req: Request, params: Params): TokenResponse {
  const client = authenticateClient(deps, req, params, true);
  const token = params.refresh_token;
  if (!token) {
    throw new EntraError(
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'refresh_token'.",
    );
  }
  const grant = deps.refreshTokens.find(token);
  if (!grant) throw new EntraError('invalid_grant', 9002313, 'Invalid request. Request is malformed or invalid.');
  if (grant.clientId.toLowerCase() !== client.app.clientId.toLowerCase()) {
    throw new EntraError('invalid_grant', 70000, 'Provided grant is invalid or malformed.');
  }
  if (grant.revoked) {
    throw new EntraError(
      'invalid_grant',
      50173,
      'The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password.',
    );
  }
  const now = deps.clock.now().getTime();
  if (grant.expiresAt <= now) throw expired(grant.spa, grant.issuedAt);
  const user = deps.directory.findUser(deps.tenantId, grant.userId);
  if (!user) throw new EntraError('invalid_grant', 50034, 'The user account does not exist in the directory.');
  return issueDelegatedTokens(deps, {
    app: client.app,
    clientKind: grant.spa ? 'spa' : client.kind,
    user,
    scope: params.scope ?? grant.scope,
    wantClientInfo: params.client_info === '1',
    spaExpiresAt: grant.spa ? grant.expiresAt : undefined,
  });
}

function expired(spa: boolean, issuedAt: number): EntraError {
  if (spa) {
    return new EntraError(
      'invalid_grant',
      700084,
      'The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of 1.00:00:00, which cannot be extended. It is now expired and a new sign in request must be sent by the SPA to the sign in page.',
    );
  }
  return new EntraError(
    'invalid_grant',
    700082,
    `The refresh token has expired due to inactivity. The token was issued on ${new Date(issuedAt).toISOString()} and was inactive for 90.00:00:00.`,
  );
}
