import type { ConnectionMode } from './tenant-store.ts';

/** Where a subscription stands: live, removed (by Confer or by Graph), or refused by Graph, with why. */
export type SubscriptionStatus =
  | { state: 'active' }
  | { state: 'removed'; reason: string }
  | { state: 'failed'; reason: string };

/**
 * A Graph change-notification subscription Confer owns (docs/reference/graph-calendar.md §4): it watches one
 * person's calendar events. The clientState secret is kept only as its SHA-256 digest (client-state.ts), so a
 * leaked database does not let anyone forge notifications, and digests of equal length compare in constant time.
 */
export interface GraphSubscription {
  /** Graph's subscription id. */
  id: string;
  tenantId: string;
  /** Object id of the person whose calendar it watches. */
  userId: string;
  /** The resource as subscribed, e.g. `/users/{id}/events`. */
  resource: string;
  /** Application subscription (tenant-wide mode) or made with the person's own token (per-user mode). */
  mode: ConnectionMode;
  clientStateDigest: string;
  /** ISO instant Graph deletes it at unless renewed. */
  expiresAt: string;
  createdAt: string;
  renewedAt: string | null;
  status: SubscriptionStatus;
}

export interface SubscriptionStore {
  /** Inserts or replaces the subscription with this id. */
  save(subscription: GraphSubscription): Promise<void>;
  find(id: string): Promise<GraphSubscription | undefined>;
  /** Every subscription of a person, any status, oldest first. */
  findByUser(tenantId: string, userId: string): Promise<GraphSubscription[]>;
  /** Marks it removed (kept for the record); an unknown id changes nothing. */
  markRemoved(id: string, reason: string): Promise<void>;
  /** Active subscriptions expiring strictly before `instant` (ISO), soonest first: what renewal must reach. */
  listExpiringBefore(instant: string): Promise<GraphSubscription[]>;
  /** Every active subscription, soonest expiry first: the calendars Confer watches. */
  listActive(): Promise<GraphSubscription[]>;
}
