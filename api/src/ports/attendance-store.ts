/**
 * What happened at each occurrence of a Confer meeting once it ended: who joined the Teams meeting and for how
 * long (from its attendance report), or the organizer's word for a meeting in person. Kept per occurrence, so a
 * series has one record for each time it was held.
 */

/** How an occurrence ended. `unknown` is recorded when no report came within the waiting time: never a guess. */
export type AttendanceOutcome = 'held' | 'partly_attended' | 'no_show' | 'unknown';
/** `pending`: the occurrence ended and its outcome is still to be read (online) or told (in person). */
export type AttendanceState = 'pending' | AttendanceOutcome;

/** Why an outcome is `unknown`. */
export type UnknownReason =
  /** No attendance report appeared within the waiting time (Teams makes none when reports are off). */
  | 'no_report'
  /** Graph refused: the permission or Teams' application access policy is missing, or consent was not given. */
  | 'not_permitted'
  /** The organizer's calendar connection is gone (per-user mode), so nobody can read the report. */
  | 'not_connected'
  /** Graph knows no online meeting behind the event's join link. */
  | 'no_online_meeting'
  /** The organizer did not say whether an in-person meeting was held. */
  | 'not_told';

export interface ParticipantAttendance {
  email: string;
  /** Entra object id for people of the tenant; null for guests. */
  userId: string | null;
  displayName: string;
  role: 'organizer' | 'attendee';
  joined: boolean;
  /** Whole minutes present over every interval (rounded down); 0 when not joined. */
  minutesPresent: number;
}

export interface OccurrenceAttendance {
  tenantId: string;
  meetingId: string;
  /** The occurrence's original start (its stable key in a series); the meeting's start for a single meeting. */
  occurrenceStart: Date;
  /** When it was scheduled to end (after any move). */
  occurrenceEnd: Date;
  /** Held as a Teams meeting (read from its report) or in person (the organizer tells). */
  online: boolean;
  state: AttendanceState;
  /** Who decided the outcome; null while pending. */
  source: 'teams' | 'organizer' | 'timeout' | null;
  /** Every invited person with their attendance; empty while pending. */
  participants: ParticipantAttendance[];
  /** Graph reads tried so far. */
  attempts: number;
  /** When to read the report next; null when nothing is to be read (decided, or in person). */
  nextCheckAt: Date | null;
  /** Set with `unknown`. */
  unknownReason: UnknownReason | null;
  decidedAt: Date | null;
  /** Entra object id of the organizer who marked an in-person meeting; null otherwise. */
  decidedBy: string | null;
  /** Incremented on every save; saves carry the version they read. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface AttendanceStore {
  /**
   * Inserts each record whose tenant, meeting and occurrence start are not recorded yet; existing ones are left
   * as they are (the planner may see an occurrence twice). Answers how many were new.
   */
  addPending(records: readonly OccurrenceAttendance[]): Promise<number>;
  get(tenantId: string, meetingId: string, occurrenceStart: Date): Promise<OccurrenceAttendance | undefined>;
  /** The meeting's records, by occurrence start. */
  listForMeeting(tenantId: string, meetingId: string): Promise<OccurrenceAttendance[]>;
  /** Records of several meetings at once (the meeting list), by meeting and occurrence start. */
  listForMeetings(tenantId: string, meetingIds: readonly string[]): Promise<OccurrenceAttendance[]>;
  /**
   * Records (all tenants) whose `nextCheckAt` is at or before `now`, soonest first, at most `limit`: pending ones
   * whose report is to be read, and decided ones whose follow-through (cards, the pair) is still to be finished.
   */
  listDue(now: Date, limit: number): Promise<OccurrenceAttendance[]>;
  /**
   * Pending records (all tenants) without a next check whose occurrence ended before `endedBefore`: in-person
   * meetings nobody marked. Oldest first, at most `limit`.
   */
  listUntold(endedBefore: Date, limit: number): Promise<OccurrenceAttendance[]>;
  /**
   * Saves a changed record if its stored version is still `expectedVersion`, bumping the version. Answers false
   * (and writes nothing) when someone else saved it first.
   */
  save(record: OccurrenceAttendance, expectedVersion: number): Promise<boolean>;
}
