import type { StoreSet } from '../sqlite/store-set.ts';
import { createPostgresAttendanceStore } from './pg-attendance-store.ts';
import { createPostgresAuditLog } from './pg-audit-log.ts';
import { createPostgresCadenceStore } from './pg-cadence-store.ts';
import type { PgDatabase } from './pg-database.ts';
import { createPostgresMeetingHistoryStore } from './pg-meeting-history-store.ts';
import { createPostgresMeetingStore } from './pg-meeting-store.ts';
import { createPostgresMeetingTypeStore } from './pg-meeting-type-store.ts';
import { createPostgresNotesStore } from './pg-notes-store.ts';
import { createPostgresTenantStore } from './pg-tenant-store.ts';
import { createPostgresTokenCacheStore } from './pg-token-cache-store.ts';

/** Every scheduling store over one opened (and migrated) PostgreSQL database. */
export function createPostgresStores(db: PgDatabase): StoreSet {
  return {
    meetings: createPostgresMeetingStore(db),
    history: createPostgresMeetingHistoryStore(db),
    notes: createPostgresNotesStore(db),
    tenants: createPostgresTenantStore(db),
    meetingTypes: createPostgresMeetingTypeStore(db),
    tokenCache: createPostgresTokenCacheStore(db),
    audit: createPostgresAuditLog(db),
    attendance: createPostgresAttendanceStore(db),
    pairs: createPostgresCadenceStore(db),
  };
}
