import { type HealthStatus, healthStatusSchema } from '@confer/contracts';

/** Which part of Outlook sync failed for a person: keeping their subscription, or applying what Outlook sent. */
export type SyncErrorKind = 'subscription' | 'apply';

export interface SyncError {
  kind: SyncErrorKind;
  code: string;
  message: string;
  at: Date;
}

/**
 * What happened to a person's connection since the last write, coalesced in memory: the latest successful Graph
 * call, and per kind of sync work either a new error or `null` (it succeeded, so an older error of that kind goes).
 */
export interface ActivityUpdate {
  tenantId: string;
  userId: string;
  lastGraphSuccessAt: Date | null;
  syncErrors: Partial<Record<SyncErrorKind, Omit<SyncError, 'kind'> | null>>;
}

/** The position after the last person of a page: the list is ordered by display name, then user id. */
export interface HealthKey {
  displayName: string;
  userId: string;
}

export interface HealthFilter {
  status?: HealthStatus;
  /** Case-insensitive substring of the display name or the email (wildcards in it are plain characters). */
  search?: string;
}

export interface HealthRow {
  userId: string;
  displayName: string;
  email: string;
  status: HealthStatus;
  checkedAt: Date | null;
  lastGraphSuccessAt: Date | null;
  lastSyncError: Omit<SyncError, 'kind'> | null;
  subscription: 'active' | 'failed' | 'removed' | 'none';
}

export interface HealthCounts {
  /** Everyone the tenant has, by status (whatever the filter). */
  byStatus: Record<HealthStatus, number>;
  total: number;
  /** How many match the filter. */
  matching: number;
}

/** A count of zero for every status, for the stores to fill in. */
export function emptyHealthCounts(): Record<HealthStatus, number> {
  return Object.fromEntries(healthStatusSchema.options.map((status) => [status, 0])) as Record<HealthStatus, number>;
}

/**
 * The connection health of everyone Confer knows in a tenant (the users table), with the last Graph success, the
 * last sync error and the subscription state joined in; and where coalesced activity is written.
 */
export interface ConnectionHealthStore {
  /** Up to `limit` people after `after` (from the start when null), in display name then user id order. */
  page(tenantId: string, filter: HealthFilter, after: HealthKey | null, limit: number): Promise<HealthRow[]>;
  counts(tenantId: string, filter: HealthFilter): Promise<HealthCounts>;
  /** Every matching person in list order, read in batches, for the export. */
  each(tenantId: string, filter: HealthFilter): AsyncIterable<HealthRow>;
  /** Writes coalesced activity in one transaction; a person Confer does not know yet is kept for when it does. */
  saveActivity(updates: readonly ActivityUpdate[]): Promise<void>;
}
