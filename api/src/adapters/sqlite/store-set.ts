import type { MeetingHistoryStore, MeetingStore } from '../../ports/meeting-store.ts';
import type { NotesStore } from '../../ports/notes-store.ts';
import type { AuditLog, MeetingTypeStore, TenantStore, TokenCacheStore } from '../../ports/tenant-store.ts';

/** Every scheduling store over one backing store (one database, or one in-memory state). */
export interface StoreSet {
  meetings: MeetingStore;
  history: MeetingHistoryStore;
  notes: NotesStore;
  tenants: TenantStore;
  meetingTypes: MeetingTypeStore;
  tokenCache: TokenCacheStore;
  audit: AuditLog;
}
