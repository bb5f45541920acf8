import type { Meeting, OccurrenceOverride } from '../../domain/scheduling/meeting.ts';
import type { OccurrenceAttendance } from '../../ports/attendance-store.ts';
import type { PairRecord } from '../../ports/cadence-store.ts';
import type { MeetingHistoryEntry } from '../../ports/meeting-store.ts';
import type { MeetingAction, MeetingNote } from '../../ports/notes-store.ts';
import type { AuditEntry, MeetingType, TenantSettings, UserRecord } from '../../ports/tenant-store.ts';

/**
 * The one state the in-memory stores share, like the tables of one database: notes, history and occurrences
 * can check that their meeting exists in the same tenant, as the SQLite foreign keys do.
 */
export interface MemoryState {
  meetings: Map<string, Meeting>;
  occurrences: Map<string, OccurrenceOverride[]>;
  history: { tenantId: string; seq: number; entry: MeetingHistoryEntry }[];
  notes: Map<string, { tenantId: string; note: MeetingNote }>;
  actions: Map<string, { tenantId: string; action: MeetingAction }>;
  tenants: Map<string, TenantSettings>;
  users: Map<string, UserRecord>;
  /** When each (tenant, user) was first saved connected, as SQLite's users.connected_once_at. */
  connectedOnce: Map<string, Date>;
  meetingTypes: Map<string, MeetingType[]>;
  tokenCache: Map<string, Buffer>;
  audit: { seq: number; entry: AuditEntry }[];
  nextSeq: number;
  /** By (tenant, meeting, occurrence start ISO). */
  attendance: Map<string, OccurrenceAttendance>;
  /** By (tenant, person A, person B). */
  pairs: Map<string, PairRecord>;
  /** The held occurrences each pair counted: (tenant, meeting, start ISO, person A, person B). */
  pairsHeld: Set<string>;
}

export function createMemoryState(): MemoryState {
  return {
    meetings: new Map(),
    occurrences: new Map(),
    history: [],
    notes: new Map(),
    actions: new Map(),
    tenants: new Map(),
    users: new Map(),
    connectedOnce: new Map(),
    meetingTypes: new Map(),
    tokenCache: new Map(),
    audit: [],
    nextSeq: 1,
    attendance: new Map(),
    pairs: new Map(),
    pairsHeld: new Set(),
  };
}

/** Rows are keyed by tenant first, as in SQLite: the same id in two tenants is two different rows. */
export function keyOf(tenantId: string, id: string): string {
  return JSON.stringify([tenantId, id]);
}

/** Stored values are copied in and out, so a caller mutating its object never changes the store behind it. */
export function copy<T>(value: T): T {
  return structuredClone(value);
}

/** Text order as SQLite's default BINARY collation gives it for the ASCII ids and names we store. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
