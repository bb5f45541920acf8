import type { Identity } from './identity.ts';

/** Access tokens for Microsoft Graph, per connection mode (docs/reference/design.md §4). */
export interface GraphTokenProvider {
  /**
   * Delegated: On-Behalf-Of the signed-in user, exchanging their API token. Ask for `offline_access` too and
   * the refresh token is kept (encrypted) for `forStoredUser`.
   */
  forUser(identity: Identity, scopes: readonly string[]): Promise<string>;
  /**
   * Delegated, in the background: the user's stored refresh token. Throws AppError `not_connected` (nothing
   * stored), `connection_expired` (refresh token expired or revoked) or `consent_required`. `forceRefresh`
   * skips a cached access token, so the refresh token itself is proven (connection checks).
   */
  forStoredUser(
    tenantId: string,
    userId: string,
    scopes: readonly string[],
    options?: { forceRefresh?: boolean },
  ): Promise<string>;
  /**
   * Application: client credentials for the tenant (`https://graph.microsoft.com/.default`); default the configured
   * one. `forceRefresh` asks the authority instead of answering from the cached token (which keeps the roles it was
   * issued with until it expires), and the fresh token replaces the cached one.
   */
  forApp(tenantId?: string, options?: { forceRefresh?: boolean }): Promise<string>;
  /** Drops the user's stored tokens (disconnect). */
  forget(tenantId: string, userId: string): Promise<void>;
}
