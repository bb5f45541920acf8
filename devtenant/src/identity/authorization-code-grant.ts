import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { authenticateClient } from './client-auth.ts';
import { issueDelegatedTokens, type TokenResponse } from './delegated-tokens.ts';
import { EntraError } from './entra-error.ts';
import type { IdentityDeps } from './identity-deps.ts';

type Params = Record<string, string | undefined>;

/**
 * `authorization_code` with PKCE: single use, bound to client and redirect URI, S256 (or plain) verifier.
 * Browser redemptions (Origin header, no secret) are SPA redemptions with 24-hour refresh tokens.
 */
export function authorizationCodeGrant(deps: IdentityDeps, req: Request, params: Params): TokenResponse {
  const client = authenticateClient(deps, req, params, true);
  const code = params.code;
  if (!code)
    throw new EntraError('invalid_request', 900144, "The request body must contain the following parameter: 'code'.");
  deps.codes.prune(deps.clock.now().getTime());
  const grant = deps.codes.find(code);
  if (!grant || grant.clientId.toLowerCase() !== client.app.clientId.toLowerCase()) {
    throw new EntraError('invalid_grant', 70000, "The provided value for the 'code' parameter is not valid.");
  }
  if (grant.redeemed) {
    throw new EntraError(
      'invalid_grant',
      54005,
      'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.',
    );
  }
  if (grant.expiresAt <= deps.clock.now().getTime()) {
    throw new EntraError(
      'invalid_grant',
      70008,
      'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.',
    );
  }
  if (params.redirect_uri !== grant.redirectUri) {
    throw new EntraError(
      'invalid_grant',
      500112,
      `The reply address '${params.redirect_uri ?? ''}' does not match the reply address '${grant.redirectUri}' provided when requesting Authorization code.`,
    );
  }
  checkPkce(grant.codeChallenge, grant.codeChallengeMethod, params.code_verifier);
  const user = deps.directory.findUser(deps.tenantId, grant.userId);
  if (!user) throw new EntraError('invalid_grant', 50034, 'The user account does not exist in the directory.');
  grant.redeemed = true;
  return issueDelegatedTokens(deps, {
    app: client.app,
    clientKind: client.kind,
    user,
    scope: grant.scope,
    wantClientInfo: params.client_info === '1',
    nonce: grant.nonce,
  });
}

function checkPkce(
  challenge: string | undefined,
  method: 'S256' | 'plain' | undefined,
  verifier: string | undefined,
): void {
  if (!challenge) return;
  if (!verifier) {
    throw new EntraError(
      'invalid_grant',
      501481,
      'The Code_Verifier does not match the code_challenge supplied in the authorization request.',
    );
  }
  const computed = method === 'plain' ? verifier : createHash('sha256').update(verifier).digest('base64url');
  if (computed !== challenge) {
    throw new EntraError(
      'invalid_grant',
      501481,
      'The Code_Verifier does not match the code_challenge supplied in the authorization request.',
    );
  }
}
