import type { BotUser } from '../ports.ts';
import type { SignInWording } from './sign-in-cards.ts';

/**
 * What connecting from the chat asks of the rest of Confer (the API implements it over the same use case the
 * tab's Connect runs): whether the person must sign in before the bot can act for them, and connecting their
 * calendar with the token the user-token service handed the bot.
 */
export interface ChatConnections {
  /** `connect` / `reconnect` when the bot must sign the person in first (per-user mode only); null otherwise. */
  signInNeeded(user: BotUser): Promise<SignInWording | null>;
  /** Connects the person's calendar with a token for Confer's API (On-Behalf-Of to Graph, stored). */
  connectWithToken(user: BotUser, token: string): Promise<ChatConnectOutcome>;
}

export type ChatConnectOutcome =
  | { ok: true }
  /** Graph consent is missing: the sign-in link, where the person consents, is the way on. */
  | { ok: false; reason: 'consent_required' }
  /** The token is someone else's, or the admin keeps the person out: nothing changed. */
  | { ok: false; reason: 'wrong_person' | 'outside_scope' };
