import { recurrenceSchema as requestRecurrenceSchema } from '@confer/contracts';
import { z } from 'zod';
import type { Meeting, MeetingAttendee, OccurrenceOverride } from '../../domain/scheduling/meeting.ts';
import type { Interval } from '../../domain/scheduling/model.ts';
import { parseRow } from '../sqlite/row-codec.ts';

/*
 * PostgreSQL hands back typed values (Date, boolean, parsed JSON), so a row is read by these schemas for what the
 * column types cannot promise: the document in recurrence_json and the values of the checked text columns. A row
 * that does not fit is a `corrupt_row` store error naming its table and key, as the SQLite store reports it.
 */

const recurrenceSchema = z.object({
  kind: requestRecurrenceSchema.shape.kind,
  count: z.number().int().positive(),
});

const meetingRow = z.object({
  tenant_id: z.string(),
  id: z.string(),
  organizer_id: z.string(),
  organizer_email: z.string(),
  organizer_name: z.string(),
  type_id: z.string().nullable(),
  title: z.string(),
  agenda: z.string(),
  start_utc: z.date(),
  end_utc: z.date(),
  time_zone: z.string(),
  recurrence_json: recurrenceSchema.nullable(),
  online: z.boolean(),
  location: z.string().nullable(),
  status: z.enum(['creating', 'scheduled', 'cancelled', 'failed']),
  transaction_id: z.string(),
  graph_event_id: z.string().nullable(),
  ical_uid: z.string().nullable(),
  change_key: z.string().nullable(),
  join_url: z.string().nullable(),
  version: z.number().int(),
  created_at: z.date(),
  updated_at: z.date(),
  outlook_subject: z.string().nullable(),
});

const attendeeRow = z.object({
  email: z.string(),
  user_id: z.string().nullable(),
  display_name: z.string(),
  type: z.enum(['required', 'optional']),
  response: z.enum(['none', 'organizer', 'accepted', 'tentativelyAccepted', 'declined', 'notResponded']),
  responded_at: z.date().nullable(),
  proposed_start: z.date().nullable(),
  proposed_end: z.date().nullable(),
  added_in_outlook: z.boolean(),
});

const occurrenceRow = z.object({
  meeting_id: z.string(),
  original_start: z.date(),
  start_utc: z.date(),
  end_utc: z.date(),
  cancelled: z.boolean(),
  graph_event_id: z.string().nullable(),
});

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
  return {
    id: m.id,
    tenantId: m.tenant_id,
    organizerId: m.organizer_id,
    organizerEmail: m.organizer_email,
    organizerName: m.organizer_name,
    typeId: m.type_id,
    title: m.title,
    outlookSubject: m.outlook_subject,
    agenda: m.agenda,
    start: m.start_utc,
    end: m.end_utc,
    timeZone: m.time_zone,
    recurrence: m.recurrence_json,
    online: m.online,
    location: m.location,
    status: m.status,
    transactionId: m.transaction_id,
    graphEventId: m.graph_event_id,
    iCalUId: m.ical_uid,
    changeKey: m.change_key,
    joinUrl: m.join_url,
    attendees: attendees.map((a) => toAttendee(a, key)),
    version: m.version,
    createdAt: m.created_at,
    updatedAt: m.updated_at,
  };
}

function toAttendee(row: unknown, key: Record<string, unknown>): MeetingAttendee {
  const a = parseRow(attendeeRow, row, { table: 'meeting_attendees', key });
  return {
    email: a.email,
    userId: a.user_id,
    displayName: a.display_name,
    type: a.type,
    response: a.response,
    respondedAt: a.responded_at,
    proposedStart: a.proposed_start,
    proposedEnd: a.proposed_end,
    addedInOutlook: a.added_in_outlook,
  };
}

export function toOccurrence(row: unknown, key: Record<string, unknown>): OccurrenceOverride {
  const o = parseRow(occurrenceRow, row, { table: 'meeting_occurrences', key });
  return {
    meetingId: o.meeting_id,
    originalStart: o.original_start,
    start: o.start_utc,
    end: o.end_utc,
    cancelled: o.cancelled,
    graphEventId: o.graph_event_id,
  };
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
