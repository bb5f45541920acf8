import type { Request } from 'express';
import { authenticateClient } from './client-auth.ts';
import { issueDelegatedTokens, type TokenResponse } from './delegated-tokens.ts';
import { EntraError } from './entra-error.ts';
import type { IdentityDeps } from './identity-deps.ts';
import { stringClaim, verifyTenantToken } from './token-verifier.ts';

type Params = Record<string, string | undefined>;

/**
 * On-Behalf-Of (`urn:ietf:params:oauth:grant-type:jwt-bearer`, docs/reference/teams-platform.md §3): the
 * middle-tier app trades the user's token for its own API for a Graph token for the same user. The assertion
 * must be addressed to the calling app; missing consent gives `invalid_grant` AADSTS65001 with
 * `suberror: consent_required`.
 */
export function onBehalfOfGrant(deps: IdentityDeps, req: Request, params: Params): TokenResponse {
  const client = authenticateClient(deps, req, params, false);
  if (params.requested_token_use !== 'on_behalf_of') {
    throw new EntraError(
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'requested_token_use'.",
    );
  }
  const assertion = params.assertion;
  if (!assertion) {
    throw new EntraError(
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'assertion'.",
    );
  }
  const verified = verifyTenantToken(
    { key: deps.key, clock: deps.clock, issuer: deps.issuer.issuer, tenantId: deps.tenantId },
    assertion,
  );
  if (!verified.ok) throw assertionError(verified.failure);
  const { claims } = verified;
  const audience = stringClaim(claims, 'aud') ?? '';
  const app = client.app;
  const audienceMatches =
    audience.toLowerCase() === app.clientId.toLowerCase() ||
    app.identifierUris.some((uri) => uri.toLowerCase() === audience.toLowerCase());
  if (!audienceMatches) {
    throw new EntraError(
      'invalid_grant',
      50013,
      `Assertion failed signature validation. [Reason - Assertion audience does not match the Client app presenting the assertion. The audience in the assertion was '${audience}' and the expected audience is '${app.clientId}' or one of the Application Ids of the application presenting the assertion.]`,
    );
  }
  const userId = stringClaim(claims, 'oid');
  const user = userId ? deps.directory.findUser(deps.tenantId, userId) : undefined;
  if (!user || stringClaim(claims, 'idtyp') === 'app') {
    throw new EntraError('invalid_grant', 50058, 'The assertion does not identify a signed-in user in this tenant.');
  }
  return issueDelegatedTokens(deps, {
    app,
    clientKind: 'confidential',
    user,
    scope: params.scope ?? '',
    wantClientInfo: params.client_info === '1',
  });
}

function assertionError(failure: string): EntraError {
  switch (failure) {
    case 'malformed':
      return new EntraError('invalid_request', 50027, 'JWT token is invalid or malformed.');
    case 'expired':
    case 'not_yet_valid':
      return new EntraError(
        'invalid_grant',
        500133,
        'Assertion is not within its valid time range. Ensure that the access token is not expired before using it for user assertion, or request a new token.',
      );
    default:
      return new EntraError(
        'invalid_grant',
        50013,
        `Assertion failed signature validation. [Reason - ${failure === 'bad_signature' ? 'The key was not found.' : `The assertion's ${failure.replace('wrong_', '')} is not this tenant's.`}]`,
      );
  }
}
