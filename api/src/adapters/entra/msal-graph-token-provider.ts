import { decodeJwt } from 'jose';
import { AppError } from '../../domain/app-error.ts';
import { type Clock, systemClock } from '../../ports/clock.ts';
import type { GraphTokenProvider } from '../../ports/graph-token-provider.ts';
import { createMsalClientPool, type MsalClientPoolOptions } from './msal-client-pool.ts';
import { toAppError } from './msal-error-mapping.ts';
import { OnBehalfOfTokens } from './on-behalf-of-tokens.ts';

export { toAppError } from './msal-error-mapping.ts';

export interface MsalGraphTokenProviderOptions extends MsalClientPoolOptions {
  /** The configured tenant (used when a caller names none). */
  tenantId: string;
  graphResource: string;
  /** What "now" is for reusing On-Behalf-Of tokens: MSAL dates their expiry by the system clock, the default. */
  clock?: Clock;
  /**
   * What "now" is for the authority that signed the token (its `exp`): MSAL answers from its cache by the system
   * clock, so a token its authority already holds expired (a clock moved on, a sleeping machine) is asked for
   * anew. Default: the system clock.
   */
  authorityClock?: Clock;
}

const MAX_KNOWN_EXPIRIES = 1_000;

/** OpenID scopes are not Graph's: they are sent bare (`offline_access` asks Entra for a refresh token). */
const OIDC_SCOPES = new Set(['openid', 'profile', 'email', 'offline_access']);

/**
 * Graph tokens through the real MSAL, per connection mode (docs/reference/design.md §4):
 * On-Behalf-Of for a user in a request (the refresh token it brings lands in the user's encrypted cache
 * partition), that stored refresh token for background work, client credentials for the tenant-wide mode.
 * Same code for Entra and devtenant; only the authority differs.
 */
export function createMsalGraphTokenProvider(options: MsalGraphTokenProviderOptions): GraphTokenProvider {
  const pool = createMsalClientPool(options);
  const qualify = (scopes: readonly string[]) =>
    scopes.map((s) => (s.includes('://') || OIDC_SCOPES.has(s.toLowerCase()) ? s : `${options.graphResource}/${s}`));
  const graphOnly = (scopes: readonly string[]) => qualify(scopes.filter((s) => !OIDC_SCOPES.has(s.toLowerCase())));
  const onBehalfOf = new OnBehalfOfTokens();
  const clock = options.clock ?? systemClock;
  const authorityClock = options.authorityClock ?? systemClock;
  // MSAL answers the same cached token many times: its `exp` is read once (most recent tokens kept, bounded).
  const expiries = new Map<string, number | null>();
  /** Still valid for a minute by its own `exp` (a token that cannot be read is taken as MSAL gave it). */
  const current = (token: string) => {
    let exp = expiries.get(token);
    if (exp === undefined) {
      exp = expiryOf(token);
      if (expiries.size >= MAX_KNOWN_EXPIRIES) expiries.delete(expiries.keys().next().value as string);
      expiries.set(token, exp);
    }
    return exp === null || exp > authorityClock.now().getTime() + 60_000;
  };

  return {
    async forUser(identity, scopes) {
      const key = `${identity.tenantId.toLowerCase()}|${identity.userId.toLowerCase()}|${scopes.join(' ')}|${identity.rawToken}`;
      return onBehalfOf.get(key, clock.now(), async () => {
        const client = pool.user(identity.tenantId, identity.userId);
        return resultOf(() =>
          client.acquireTokenOnBehalfOf({ oboAssertion: identity.rawToken, scopes: qualify(scopes) }),
        );
      });
    },
    async forStoredUser(tenantId, userId, scopes, settings) {
      const client = pool.user(tenantId, userId);
      const accounts = await guard(() => client.getTokenCache().getAllAccounts());
      const account = accounts.find((a) => a.localAccountId.toLowerCase() === userId.toLowerCase());
      if (!account) {
        throw new AppError('not_connected', 'Confer has no stored calendar connection for this person.');
      }
      // Silent: a cached access token while it is valid, else the stored refresh token (rotated and saved back).
      const silent = (forceRefresh: boolean) =>
        tokenOf(() => client.acquireTokenSilent({ account, scopes: graphOnly(scopes), forceRefresh }));
      const token = await silent(settings?.forceRefresh ?? false);
      return current(token) ? token : silent(true);
    },
    async forApp(tenantId, request) {
      const client = pool.app(tenantId ?? options.tenantId);
      const scopes = [`${options.graphResource}/.default`];
      const credential = (skipCache: boolean) =>
        tokenOf(() => client.acquireTokenByClientCredential({ scopes, ...(skipCache ? { skipCache: true } : {}) }));
      const token = await credential(request?.forceRefresh ?? false);
      return current(token) ? token : credential(true);
    },
    async forget(tenantId, userId) {
      onBehalfOf.forget(tenantId, userId);
      pool.drop(tenantId, userId);
      await options.tokenCache.store.remove(tenantId, userId);
    },
  };
}

/** The token's `exp` in milliseconds, or null when it is not a JWT with one (Confer never trusts it otherwise). */
function expiryOf(token: string): number | null {
  try {
    const { exp } = decodeJwt(token);
    return typeof exp === 'number' ? exp * 1000 : null;
  } catch {
    return null;
  }
}

async function tokenOf(acquire: () => Promise<{ accessToken: string } | null>): Promise<string> {
  return (await resultOf(acquire)).accessToken;
}

async function resultOf<T extends { accessToken: string }>(acquire: () => Promise<T | null>): Promise<T> {
  const result = await guard(acquire);
  if (!result?.accessToken) throw new AppError('graph_error', 'The authority returned no Graph token.');
  return result;
}

async function guard<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toAppError(error);
  }
}
