import type { SyncError, SyncErrorKind } from './connection-health-store.ts';

/**
 * Where the Graph adapter and Outlook sync report how a person's connection is doing. Calls return at once: the
 * implementation coalesces in memory and writes at most once per person per interval, never once per Graph call.
 */
export interface ConnectionActivity {
  /** A Graph call on this person's mailbox (delegated or application) succeeded at `at`. */
  recordSuccess(tenantId: string, userId: string, at: Date): void;
  /** Outlook sync failed for this person; the error stays until the next success of the same kind. */
  recordSyncError(tenantId: string, userId: string, error: SyncError): void;
  /** Sync work of this kind succeeded for this person: an error of that kind is cleared. */
  recordSyncSuccess(tenantId: string, userId: string, kind: SyncErrorKind): void;
  /** Writes what is pending now (before reading the health list, and on close). */
  flush(): Promise<void>;
}
