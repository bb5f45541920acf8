import { z } from 'zod';
import { issueDelegatedTokens } from '../identity/delegated-tokens.ts';
import { EntraError } from '../identity/entra-error.ts';
import type { IdentityDeps } from '../identity/identity-deps.ts';
import { type BotOAuthConnection, ENTRA_PROVIDER_ID, TOKEN_SERVICE_REDIRECT_PATH } from './connections.ts';
import type { ServiceOutcome } from './exchange.ts';
import { opaqueId, SIGN_IN_LIFETIME_MS, type TokenServiceState } from './token-service-state.ts';

/** The `state` the SDK sends to GetSignInResource: base64 JSON of the connection and the conversation reference. */
const signInStateSchema = z
  .object({
    connectionName: z.string().min(1),
    conversation: z
      .object({
        channelId: z.string().min(1),
        user: z.object({ id: z.string().min(1) }).passthrough(),
      })
      .passthrough(),
    msAppId: z.string().optional(),
  })
  .passthrough();

export interface SignInResource {
  signInLink: string;
  tokenExchangeResource: { id: string; uri: string; providerId: string };
}

export function readSignInState(raw: string | undefined): z.infer<typeof signInStateSchema> | undefined {
  if (!raw) return undefined;
  try {
    const parsed = signInStateSchema.safeParse(JSON.parse(Buffer.from(raw, 'base64').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `GET /api/botsignin/GetSignInResource`: a sign-in link for the conversation's user (through the tenant's
 * authorize page) and the token exchange resource Teams uses to try single sign-on first.
 */
export function signInResource(
  deps: IdentityDeps,
  state: TokenServiceState,
  connection: BotOAuthConnection,
  conversation: { userId: string; channelId: string },
): SignInResource {
  const id = state.startSignIn({
    connectionName: connection.name,
    userId: conversation.userId,
    channelId: conversation.channelId,
    expiresAt: deps.clock.now().getTime() + SIGN_IN_LIFETIME_MS,
  });
  return {
    signInLink: `${deps.origin}/api/oauth/signin?signin=${encodeURIComponent(id)}`,
    tokenExchangeResource: { id: opaqueId(), uri: connection.tokenExchangeUrl, providerId: ENTRA_PROVIDER_ID },
  };
}

/** Where the sign-in link leads: the authorize page for the connection's app and scopes, back to the service. */
export function authorizeUrl(deps: IdentityDeps, connection: BotOAuthConnection, signInId: string): string {
  const url = new URL(`${deps.origin}/${deps.tenantId}/oauth2/v2.0/authorize`);
  url.search = new URLSearchParams({
    client_id: connection.clientId,
    redirect_uri: `${deps.origin}${TOKEN_SERVICE_REDIRECT_PATH}`,
    response_type: 'code',
    response_mode: 'query',
    scope: connection.scopes,
    state: signInId,
  }).toString();
  return url.toString();
}

/**
 * The authorize page's return: the code is redeemed for the connection's token, which waits for the bot behind
 * a six-digit magic code (Teams sends it as `signin/verifyState`; elsewhere the person types it). Signing in
 * here is also where the person consents, so a consent fault set for them is cleared.
 */
export function completeSignIn(
  deps: IdentityDeps,
  state: TokenServiceState,
  connections: readonly BotOAuthConnection[],
  params: { state?: string; code?: string; error?: string; error_description?: string },
): ServiceOutcome<{ code: string }> {
  const now = deps.clock.now().getTime();
  const pending = params.state ? state.takeSignIn(params.state, now) : undefined;
  if (!pending)
    return { ok: false, status: 400, code: 'unknown_sign_in', message: 'This sign-in link has expired or was used.' };
  if (params.error) {
    return { ok: false, status: 400, code: params.error, message: params.error_description ?? params.error };
  }
  const connection = connections.find((c) => c.name.toLowerCase() === pending.connectionName.toLowerCase());
  const grant = params.code ? deps.codes.find(params.code) : undefined;
  const valid =
    connection &&
    grant &&
    !grant.redeemed &&
    grant.expiresAt > now &&
    grant.clientId.toLowerCase() === connection.clientId.toLowerCase() &&
    grant.redirectUri === `${deps.origin}${TOKEN_SERVICE_REDIRECT_PATH}`;
  if (!connection || !grant || !valid) {
    return { ok: false, status: 400, code: 'invalid_code', message: 'The authorization code is not valid.' };
  }
  grant.redeemed = true;
  const app = deps.apps.byClientId(connection.clientId);
  const user = deps.directory.findUser(deps.tenantId, grant.userId);
  if (!app || !user)
    return { ok: false, status: 400, code: 'invalid_code', message: 'The signed-in person is unknown.' };
  if (state.faultOf(user.id) === 'consent_required') state.setFault(user.id, null);
  try {
    const issued = issueDelegatedTokens(deps, {
      app,
      clientKind: 'confidential',
      user,
      scope: connection.scopes,
      wantClientInfo: false,
    });
    const code = state.issueCode(
      {
        userId: pending.userId,
        connectionName: connection.name,
        channelId: pending.channelId,
        token: issued.access_token,
        expiration: new Date(now + issued.expires_in * 1000).toISOString(),
      },
      now,
    );
    return { ok: true, value: { code } };
  } catch (error) {
    if (!(error instanceof EntraError)) throw error;
    return { ok: false, status: 400, code: error.error, message: `AADSTS${error.aadsts}: ${error.message}` };
  }
}
