import type { Identity } from './identity.ts';

/** Access tokens for Microsoft Graph, per connection mode (DESIGN: identity and permissions). */
export interface GraphTokenProvider {
  /** Delegated: On-Behalf-Of the signed-in user, exchanging their API token. */
  forUser(identity: Identity, scopes: readonly string[]): Promise<string>;
  /** Application: client credentials for the whole tenant (`https://graph.microsoft.com/.default`). */
  forApp(): Promise<string>;
}
