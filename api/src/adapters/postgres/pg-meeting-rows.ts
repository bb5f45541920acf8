import { z } from 'zod';
import type { Meeting, MeetingAttendee, OccurrenceOverride } from '../../domain/scheduling/meeting.ts';
import type { Interval } from '../../domain/scheduling/model.ts';
import { parseRow } from '../sqlite/row-codec.ts';
import {
  attendeeFromRow,
  attendeeRowShape,
  meetingFromRow,
  meetingRowSchema,
  occurrenceFromRow,
  occurrenceRowSchema,
} from '../store-rows/meeting-rows.ts';
import { pgColumns } from './pg-row-codec.ts';

/*
 * PostgreSQL hands back typed values (Date, boolean, parsed JSON), so a row is read by these schemas for what the
 * column types cannot promise: the document in recurrence_json and the values of the checked text columns. A row
 * that does not fit is a `corrupt_row` store error naming its table and key, as the SQLite store reports it.
 */

const meetingRow = meetingRowSchema(pgColumns);
const attendeeRow = z.object(attendeeRowShape(pgColumns));
const occurrenceRow = occurrenceRowSchema(pgColumns);

/** The columns a meeting is read by (its span is the store's own, never read back). */
export const MEETING_COLUMNS = `tenant_id, id, organizer_id, organizer_email, organizer_name, type_id, title, agenda,
  start_utc, end_utc, time_zone, recurrence_json, online, location, status, transaction_id, graph_event_id, ical_uid,
  change_key, join_url, version, created_at, updated_at, outlook_subject`;

export const ATTENDEE_COLUMNS = `tenant_id, meeting_id, email, user_id, display_name, type, response, responded_at,
  proposed_start, proposed_end, added_in_outlook`;

export const OCCURRENCE_COLUMNS = 'meeting_id, original_start, start_utc, end_utc, cancelled, graph_event_id';

/** A meetings row as read: its key is known before the row is checked, for the error that names it. */
export type MeetingRowFields = Record<string, unknown> & { tenant_id: string; id: string };

export function toMeeting(row: MeetingRowFields, attendees: readonly unknown[]): Meeting {
  const key = { tenantId: row.tenant_id, meetingId: row.id };
  const m = parseRow(meetingRow, row, { table: 'meetings', key });
  return meetingFromRow(
    m,
    attendees.map((a) => toAttendee(a, key)),
  );
}

function toAttendee(row: unknown, key: Record<string, unknown>): MeetingAttendee {
  return attendeeFromRow(parseRow(attendeeRow, row, { table: 'meeting_attendees', key }));
}

export function toOccurrence(row: unknown, key: Record<string, unknown>): OccurrenceOverride {
  return occurrenceFromRow(parseRow(occurrenceRow, row, { table: 'meeting_occurrences', key }));
}

/** A meeting as the values of its row's columns, its span included. */
export function meetingValues(meeting: Meeting, span: Interval) {
  return {
    tenant_id: meeting.tenantId,
    id: meeting.id,
    organizer_id: meeting.organizerId,
    organizer_email: meeting.organizerEmail,
    organizer_name: meeting.organizerName,
    type_id: meeting.typeId,
    title: meeting.title,
    agenda: meeting.agenda,
    start_utc: meeting.start,
    end_utc: meeting.end,
    time_zone: meeting.timeZone,
    recurrence_json: meeting.recurrence ? JSON.stringify(meeting.recurrence) : null,
    online: meeting.online,
    location: meeting.location,
    status: meeting.status,
    transaction_id: meeting.transactionId,
    graph_event_id: meeting.graphEventId,
    ical_uid: meeting.iCalUId,
    change_key: meeting.changeKey,
    join_url: meeting.joinUrl,
    version: meeting.version,
    created_at: meeting.createdAt,
    updated_at: meeting.updatedAt,
    outlook_subject: meeting.outlookSubject,
    span_start_utc: span.start,
    span_end_utc: span.end,
  } satisfies Record<string, unknown>;
}

export type MeetingColumn = keyof ReturnType<typeof meetingValues>;

/** $3…$11 of insertAttendees: one array per column, an element per attendee in their order. */
export function attendeeArrays(attendees: readonly MeetingAttendee[]): unknown[] {
  const column = <T>(read: (attendee: MeetingAttendee) => T) => attendees.map(read);
  return [
    column((a) => a.email),
    column((a) => a.userId),
    column((a) => a.displayName),
    column((a) => a.type),
    column((a) => a.response),
    column((a) => a.respondedAt),
    column((a) => a.proposedStart),
    column((a) => a.proposedEnd),
    column((a) => a.addedInOutlook),
  ];
}
