import type { AttendeeResponse } from '../../ports/scheduling-gateway.ts';
import type { RecurrenceRule } from './model.ts';

/**
 * Confer's own meeting record. It says what was intended before Graph is called (status `creating`),
 * so a crash between the Graph create and the store commit is finished by the reconciler, never lost
 * or duplicated.
 */
export type MeetingStatus = 'creating' | 'scheduled' | 'cancelled' | 'failed';

export interface MeetingAttendee {
  email: string;
  userId: string | null;
  displayName: string;
  type: 'required' | 'optional';
  response: AttendeeResponse;
  respondedAt: Date | null;
  proposedStart: Date | null;
  proposedEnd: Date | null;
  /**
   * Invited in Outlook rather than through Confer: they are in the meeting (and see it) but get no access to
   * notes and actions until the organizer adds them in Confer.
   */
  addedInOutlook: boolean;
}

export interface Meeting {
  id: string;
  tenantId: string;
  organizerId: string;
  organizerEmail: string;
  organizerName: string;
  typeId: string | null;
  title: string;
  /** The Outlook event's subject when someone changed it there; Confer keeps its own title. Null when equal. */
  outlookSubject: string | null;
  agenda: string;
  start: Date;
  end: Date;
  /** IANA zone the meeting was scheduled in (recurrences expand in it). */
  timeZone: string;
  recurrence: RecurrenceRule | null;
  online: boolean;
  location: string | null;
  status: MeetingStatus;
  /** Idempotency key of the Graph create. */
  transactionId: string;
  graphEventId: string | null;
  iCalUId: string | null;
  changeKey: string | null;
  joinUrl: string | null;
  attendees: MeetingAttendee[];
  /** Incremented on every change; updates carry the version they read (optimistic concurrency). */
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** One occurrence of a series that differs from the pattern (moved or cancelled). */
export interface OccurrenceOverride {
  meetingId: string;
  /** The occurrence's original start: its stable key. */
  originalStart: Date;
  start: Date;
  end: Date;
  cancelled: boolean;
  graphEventId: string | null;
}
