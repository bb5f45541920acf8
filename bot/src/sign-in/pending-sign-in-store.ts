/**
 * What someone asked the bot to do while Confer could not act for them yet (per-user mode, no usable
 * connection): kept in the store, not in memory, so a restart between the OAuth card and the person's sign-in
 * loses nothing; run once, after sign-in, then gone.
 */
export interface PendingSignIn {
  tenantId: string;
  /** The person's Entra object id (`from.aadObjectId`). */
  aadObjectId: string;
  /**
   * The activity to run again after sign-in, as the Bot Connector sent it (a message with a command, or an
   * `adaptiveCard/action` invoke with the card's id in `replyToId`).
   */
  activity: Record<string, unknown>;
  createdAt: Date;
  /** After this the action is not run (the card or the question it answered may be stale). */
  expiresAt: Date;
}

export interface PendingSignInStore {
  /** One pending action per person: a newer one replaces the older. */
  save(pending: PendingSignIn): Promise<void>;
  /** The person's pending action if it has not expired, left in place. */
  find(tenantId: string, aadObjectId: string, now: Date): Promise<PendingSignIn | undefined>;
  /**
   * Removes the person's pending action and answers it when it has not expired. Atomic: of two sign-ins
   * completing at once (a replayed `signin/tokenExchange`), one gets the action and the other nothing.
   */
  take(tenantId: string, aadObjectId: string, now: Date): Promise<PendingSignIn | undefined>;
  /** Drops expired actions; answers how many. */
  prune(now: Date): Promise<number>;
}
