/** What Graph said about an event: the three change types Confer subscribes to. */
export type NotificationChangeType = 'created' | 'updated' | 'deleted';
/** Graph's lifecycle events for Outlook subscriptions (docs/reference/graph-calendar.md §4). */
export type LifecycleEvent = 'reauthorizationRequired' | 'subscriptionRemoved' | 'missed';

/** One accepted notification, as the endpoint records it before acknowledging. */
export interface AcceptedNotification {
  /** Repeats of the same delivery share it; see adapters/graph/graph-notifications.ts for what it is made of. */
  dedupeKey: string;
  subscriptionId: string;
  tenantId: string;
  /** A change notification's type and event; null on a lifecycle notification. */
  changeType: NotificationChangeType | null;
  resource: string | null;
  resourceId: string | null;
  /** The event's changeKey from the notification's `@odata.etag`, when it carried one; null otherwise. */
  changeKey: string | null;
  /** A lifecycle notification's event; null on a change notification. */
  lifecycleEvent: LifecycleEvent | null;
  receivedAt: string;
}

export interface InboxEntry extends AcceptedNotification {
  /** Order of recording. */
  seq: number;
  state: 'pending' | 'processed';
}

/**
 * The durable inbox of Graph notifications: each one is written here before Graph gets its 202, so a crash
 * after the acknowledgement loses nothing; processing reads it later.
 */
export interface NotificationInbox {
  /**
   * Records the batch at once (all or nothing); a notification whose dedupe key is already recorded is skipped.
   * Answers how many were new.
   */
  record(notifications: readonly AcceptedNotification[]): Promise<number>;
  /** Pending entries in the order they were recorded, at most `limit`. */
  listPending(limit: number): Promise<InboxEntry[]>;
  /**
   * Marks entries processed (unknown or already processed ones are left as they are). Processing is idempotent,
   * so entries a crash left pending are simply processed again.
   */
  markProcessed(seqs: readonly number[]): Promise<void>;
  /**
   * Deletes processed entries received before the instant (ISO); answers how many. They are kept a while so a
   * repeat Graph sends after processing is still recognised (Graph retries for up to four hours).
   */
  pruneProcessed(receivedBefore: string): Promise<number>;
}
