import { issueDelegatedTokens } from '../identity/delegated-tokens.ts';
import { EntraError } from '../identity/entra-error.ts';
import type { IdentityDeps } from '../identity/identity-deps.ts';
import { listClaim, stringClaim, verifyTenantToken } from '../identity/token-verifier.ts';
import type { BotOAuthConnection } from './connections.ts';
import type { HeldToken, TokenServiceState } from './token-service-state.ts';

export type ServiceOutcome<T> = { ok: true; value: T } | { ok: false; status: number; code: string; message: string };

const fail = (status: number, code: string, message: string): ServiceOutcome<never> => ({
  ok: false,
  status,
  code,
  message,
});

/**
 * `POST /api/usertoken/exchange`: the Teams single sign-on token (addressed to the connection's token exchange
 * URL, i.e. its app) is traded On-Behalf-Of for a token with the connection's scopes, held for the Teams user
 * and returned. It fails as the real service does when the person has not consented (the bot then answers
 * Teams 412 and Teams shows the sign-in button), and when the person may not sign in at all.
 */
export function exchangeToken(
  deps: IdentityDeps,
  state: TokenServiceState,
  connection: BotOAuthConnection,
  request: { userId: string; channelId: string; token: string },
): ServiceOutcome<HeldToken> {
  state.countExchange(request.userId);
  const verified = verifyTenantToken(
    { key: deps.key, clock: deps.clock, issuer: deps.issuer.issuer, tenantId: deps.tenantId },
    request.token,
  );
  if (!verified.ok) return fail(400, 'invalid_token', `The token to exchange is not valid (${verified.failure}).`);
  const app = deps.apps.byClientId(connection.clientId);
  const audience = stringClaim(verified.claims, 'aud') ?? '';
  if (!app || deps.apps.byResource(audience)?.clientId !== app.clientId) {
    return fail(400, 'invalid_token', `The token is not addressed to ${connection.tokenExchangeUrl}.`);
  }
  if (!listClaim(verified.claims, 'scp').includes('access_as_user')) {
    return fail(400, 'invalid_token', 'The token carries no access_as_user scope.');
  }
  const user = deps.directory.findUser(deps.tenantId, stringClaim(verified.claims, 'oid') ?? '');
  if (!user) return fail(400, 'invalid_token', 'The token names no person of this tenant.');
  const fault = state.faultOf(user.id);
  if (fault === 'account_disabled') {
    return fail(403, 'account_disabled', 'AADSTS50057: The user account is disabled.');
  }
  if (fault === 'not_in_group') {
    return fail(
      403,
      'not_assigned',
      `AADSTS50105: The signed in user is not assigned to a role for the application '${app.clientId}'.`,
    );
  }
  if (fault === 'consent_required') {
    return fail(400, 'consent_required', 'AADSTS65001: The user has not consented to use the application.');
  }
  try {
    const issued = issueDelegatedTokens(deps, {
      app,
      clientKind: 'confidential',
      user,
      scope: connection.scopes,
      wantClientInfo: false,
    });
    const held = {
      token: issued.access_token,
      expiration: new Date(deps.clock.now().getTime() + issued.expires_in * 1000).toISOString(),
    };
    state.hold(request.userId, connection.name, request.channelId, held);
    return { ok: true, value: held };
  } catch (error) {
    if (!(error instanceof EntraError)) throw error;
    const code = error.suberror === 'consent_required' ? 'consent_required' : 'exchange_failed';
    return fail(400, code, `AADSTS${error.aadsts}: ${error.message}`);
  }
}
