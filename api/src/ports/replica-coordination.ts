/**
 * How several Confer processes on one database cooperate. With SQLite there is one process and these are
 * in-process; with PostgreSQL every replica shares them through the database.
 */

/** Named leases: work that one replica at a time may do. */
export interface Leases {
  /**
   * Takes the lease, or extends it, when it is free, expired (`until` before `nowMs`) or already this holder's.
   * Answers whether `holder` holds it until `untilMs` now.
   */
  hold(name: string, holder: string, nowMs: number, untilMs: number): Promise<boolean>;
  /** Gives the lease up at once (a graceful stop), if `holder` still holds it. */
  release(name: string, holder: string): Promise<void>;
}

/** What one replica tells the others about a change it made. */
export type Change =
  /** A write in the tenant: cached availability answers of that tenant are stale. */
  | { topic: 'availability'; tenantId: string }
  /** Outlook sync has something to do on the replica running it: a notification was recorded, or a calendar
   * to watch, or a person reconnected, or the admin resumed the integration. */
  | { topic: 'sync'; what: 'inbox' | 'catch_up' }
  | { topic: 'sync'; what: 'watch' | 'reconnected'; tenantId: string; userId: string }
  /** The feed lost touch for a while (its connection dropped): anything learned from it may be missing. */
  | { topic: 'resync' };

export interface ChangeFeed {
  /** Tells every other replica; this replica's own listeners hear it too, at once. Never throws. */
  publish(change: Change): void;
  /** Listens to every change from any replica; answers the function that stops listening. */
  subscribe(listener: (change: Change) => void): () => void;
  close(): Promise<void>;
}

/** What one more request under a key is told: go ahead, or wait this many seconds. */
export type CounterVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Fixed-window request counters shared by every replica (the per-user API limit). */
export interface SharedWindowCounter {
  hit(key: string, nowMs: number): Promise<CounterVerdict>;
}
