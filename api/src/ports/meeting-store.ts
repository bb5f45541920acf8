import type { Meeting, MeetingStatus, OccurrenceOverride } from '../domain/scheduling/meeting.ts';

/** Every method is scoped by tenant: a meeting of another tenant does not exist. */
export interface MeetingStore {
  /** Inserts a new meeting (status `creating` before Graph is called). */
  insert(meeting: Meeting): Promise<void>;
  get(tenantId: string, meetingId: string): Promise<Meeting | undefined>;
  /**
   * Saves a changed meeting if its stored version is still `expectedVersion`, bumping the version.
   * Returns false (and writes nothing) when someone else changed it first.
   */
  update(meeting: Meeting, expectedVersion: number): Promise<boolean>;
  /** Meetings where the user is organizer or attendee, ordered by start. */
  listForUser(
    tenantId: string,
    userId: string,
    options: { from?: Date; to?: Date; statuses?: readonly MeetingStatus[]; limit: number; order: 'asc' | 'desc' },
  ): Promise<Meeting[]>;
  /** Meetings still `creating` (the reconciler finishes them at start). */
  listCreating(olderThan: Date): Promise<Meeting[]>;
  /** Meetings marked `failed` since the instant (all tenants): a create Graph may have carried out after all. */
  listFailedSince(since: Date): Promise<Meeting[]>;
  findByGraphEventId(tenantId: string, graphEventId: string): Promise<Meeting | undefined>;
  /**
   * Everyone (all tenants) organizing a scheduled Confer meeting that ends after the instant, once each, ordered
   * by tenant and user: the calendars Outlook sync watches.
   */
  listActiveOrganizers(after: Date): Promise<{ tenantId: string; userId: string }[]>;
  /** How many scheduled Confer meetings each user has per local day in a window (for the per-day cap). */
  countMeetingsByUserAndDay(
    tenantId: string,
    userIds: readonly string[],
    window: { start: Date; end: Date },
  ): Promise<{ userId: string; start: Date; end: Date }[]>;
  /**
   * Scheduled meetings (all tenants) with an occurrence that may end within `[from, to)`: single meetings ending
   * then, and series whose span overlaps it, a last end at `from` included (the caller expands their occurrences).
   * Ordered by tenant and id, at most `limit`, after the given meeting (exclusive) when one is given: the
   * attendance planner pages this way.
   */
  listEndingBetween(
    from: Date,
    to: Date,
    options: { limit: number; after?: { tenantId: string; meetingId: string } },
  ): Promise<Meeting[]>;
  upsertOccurrence(tenantId: string, override: OccurrenceOverride): Promise<void>;
  listOccurrences(tenantId: string, meetingId: string): Promise<OccurrenceOverride[]>;
}

export interface MeetingHistoryEntry {
  meetingId: string;
  at: Date;
  actorId: string | null;
  kind:
    | 'created'
    | 'rescheduled'
    | 'updated'
    | 'cancelled'
    | 'responded'
    | 'occurrence_changed'
    | 'occurrence_cancelled';
  summary: string;
  details: Record<string, unknown>;
}

export interface MeetingHistoryStore {
  append(tenantId: string, entry: MeetingHistoryEntry): Promise<void>;
  list(tenantId: string, meetingId: string): Promise<MeetingHistoryEntry[]>;
}
