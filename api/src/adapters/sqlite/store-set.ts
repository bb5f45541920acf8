import type { AttendanceStore } from '../../ports/attendance-store.ts';
import type { CadenceStore } from '../../ports/cadence-store.ts';
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
  /** What happened at each ended occurrence. */
  attendance: AttendanceStore;
  /** Pairs of people who meet, and their rhythm. */
  pairs: CadenceStore;
}
