import type { StoreSet } from '../sqlite/store-set.ts';
import { createMemoryAttendanceStore } from './memory-attendance-store.ts';
import { createMemoryAuditLog } from './memory-audit-log.ts';
import { createMemoryCadenceStore } from './memory-cadence-store.ts';
import { createMemoryMeetingHistoryStore } from './memory-meeting-history-store.ts';
import { createMemoryMeetingStore } from './memory-meeting-store.ts';
import { createMemoryMeetingTypeStore } from './memory-meeting-type-store.ts';
import { createMemoryNotesStore } from './memory-notes-store.ts';
import { createMemoryState } from './memory-state.ts';
import { createMemoryTenantStore } from './memory-tenant-store.ts';
import { createMemoryTokenCacheStore } from './memory-token-cache-store.ts';

/** Every scheduling store over one shared in-memory state: what use-case tests wire instead of SQLite. */
export function createMemoryStores(): StoreSet {
  const state = createMemoryState();
  return {
    meetings: createMemoryMeetingStore(state),
    history: createMemoryMeetingHistoryStore(state),
    notes: createMemoryNotesStore(state),
    tenants: createMemoryTenantStore(state),
    meetingTypes: createMemoryMeetingTypeStore(state),
    tokenCache: createMemoryTokenCacheStore(state),
    audit: createMemoryAuditLog(state),
    attendance: createMemoryAttendanceStore(state),
    pairs: createMemoryCadenceStore(state),
  };
}
