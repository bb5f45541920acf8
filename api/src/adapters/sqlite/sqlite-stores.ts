import type { SqliteDatabase } from './database.ts';
import { createSqliteAttendanceStore } from './sqlite-attendance-store.ts';
import { createSqliteAuditLog } from './sqlite-audit-log.ts';
import { createSqliteCadenceStore } from './sqlite-cadence-store.ts';
import { createSqliteMeetingHistoryStore } from './sqlite-meeting-history-store.ts';
import { createSqliteMeetingStore } from './sqlite-meeting-store.ts';
import { createSqliteMeetingTypeStore } from './sqlite-meeting-type-store.ts';
import { createSqliteNotesStore } from './sqlite-notes-store.ts';
import { createSqliteTenantStore } from './sqlite-tenant-store.ts';
import { createSqliteTokenCacheStore } from './sqlite-token-cache-store.ts';
import type { StoreSet } from './store-set.ts';

/** Every scheduling store over one opened (and migrated) database. */
export function createSqliteStores(db: SqliteDatabase): StoreSet {
  return {
    meetings: createSqliteMeetingStore(db),
    history: createSqliteMeetingHistoryStore(db),
    notes: createSqliteNotesStore(db),
    tenants: createSqliteTenantStore(db),
    meetingTypes: createSqliteMeetingTypeStore(db),
    tokenCache: createSqliteTokenCacheStore(db),
    audit: createSqliteAuditLog(db),
    attendance: createSqliteAttendanceStore(db),
    pairs: createSqliteCadenceStore(db),
  };
}
