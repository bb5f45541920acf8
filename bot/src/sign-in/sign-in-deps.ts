import type { ChatConnections } from './chat-connections.ts';
import type { PendingSignInStore } from './pending-sign-in-store.ts';
import type { UserTokenService } from './user-token-service.ts';

/** Sign-in from chat (per-user mode): wired by the API when an OAuth connection is configured. */
export interface SignInDeps {
  /** The Azure Bot OAuth connection (BOT_OAUTH_CONNECTION). */
  connectionName: string;
  /** The bot's app id, which the token service keeps with a sign-in (`msAppId`). */
  botAppId: string;
  tokens: UserTokenService;
  connections: ChatConnections;
  pending: PendingSignInStore;
}

/**
 * How long a pending action waits for its sign-in: about as long as the token service's sign-in links live,
 * and short enough that a time someone picked is still worth booking.
 */
export const PENDING_SIGN_IN_MS = 15 * 60_000;
