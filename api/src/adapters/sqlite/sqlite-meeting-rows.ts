import { z } from 'zod';
import type { Meeting, MeetingAttendee, OccurrenceOverride } from '../../domain/scheduling/meeting.ts';
import type { Interval } from '../../domain/scheduling/model.ts';
import {
  attendeeFromRow,
  attendeeRowShape,
  meetingFromRow,
  meetingRowSchema,
  occurrenceFromRow,
  occurrenceRowSchema,
} from '../store-rows/meeting-rows.ts';
import { parseRow, sqliteColumns, toIso } from './row-codec.ts';

const meetingRow = meetingRowSchema(sqliteColumns);
const attendeeRow = z.object({ meeting_id: z.string(), ...attendeeRowShape(sqliteColumns) });
const occurrenceRow = occurrenceRowSchema(sqliteColumns);

/*
 * Meetings are read for every list and page, so a row is first read by the checks below, which accept only values
 * the schemas above accept (dates exactly as `toIso` writes them) and give the same result; anything else is read
 * by the schema, so a row that does not fit is reported exactly as before.
 */
type Fields = Record<string, unknown>;
type MeetingRow = z.output<typeof meetingRow>;
type AttendeeRow = z.output<typeof attendeeRow>;

const MEETING_STATUSES: readonly unknown[] = meetingRow.shape.status.options;
const ATTENDEE_TYPES: readonly unknown[] = attendeeRow.shape.type.options;
const RESPONSES: readonly unknown[] = attendeeRow.shape.response.options;
const recurrenceColumn = meetingRow.shape.recurrence_json;
const SKIP = Symbol('read by the schema');

const text = (value: unknown): string | typeof SKIP => (typeof value === 'string' ? value : SKIP);
const textOrNull = (value: unknown): string | null | typeof SKIP =>
  value === null || typeof value === 'string' ? value : SKIP;
const flag = (value: unknown): boolean | typeof SKIP => (value === 0 || value === 1 ? value === 1 : SKIP);

/** An instant in `toIso`'s own form (UTC, milliseconds), which `isoDate` accepts: a real day of a real month. */
const TO_ISO_FORM = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;
function instant(value: unknown): Date | typeof SKIP {
  if (typeof value !== 'string' || !TO_ISO_FORM.test(value)) return SKIP;
  const date = new Date(value);
  // Date rolls 30 February over into March; the schema refuses it.
  return date.getUTCDate() === Number(value.slice(8, 10)) ? date : SKIP;
}
const instantOrNull = (value: unknown): Date | null | typeof SKIP => (value === null ? null : instant(value));

function readMeetingRow(fields: unknown): MeetingRow | null {
  if (typeof fields !== 'object' || fields === null) return null;
  const row = fields as Fields;
  const recurrence = row.recurrence_json === null ? null : recurrenceColumn.safeParse(row.recurrence_json);
  if (recurrence && !recurrence.success) return null;
  const version = row.version;
  const out = {
    tenant_id: text(row.tenant_id),
    id: text(row.id),
    organizer_id: text(row.organizer_id),
    organizer_email: text(row.organizer_email),
    organizer_name: text(row.organizer_name),
    type_id: textOrNull(row.type_id),
    title: text(row.title),
    agenda: text(row.agenda),
    start_utc: instant(row.start_utc),
    end_utc: instant(row.end_utc),
    time_zone: text(row.time_zone),
    recurrence_json: recurrence ? recurrence.data : null,
    online: flag(row.online),
    location: textOrNull(row.location),
    status: MEETING_STATUSES.includes(row.status) ? row.status : SKIP,
    transaction_id: text(row.transaction_id),
    graph_event_id: textOrNull(row.graph_event_id),
    ical_uid: textOrNull(row.ical_uid),
    change_key: textOrNull(row.change_key),
    join_url: textOrNull(row.join_url),
    version: typeof version === 'number' && Number.isSafeInteger(version) ? version : SKIP,
    created_at: instant(row.created_at),
    updated_at: instant(row.updated_at),
    outlook_subject: textOrNull(row.outlook_subject),
  };
  return Object.values(out).includes(SKIP) ? null : (out as MeetingRow);
}

function readAttendeeRow(fields: unknown): AttendeeRow | null {
  if (typeof fields !== 'object' || fields === null) return null;
  const row = fields as Fields;
  const out = {
    meeting_id: text(row.meeting_id),
    email: text(row.email),
    user_id: textOrNull(row.user_id),
    display_name: text(row.display_name),
    type: ATTENDEE_TYPES.includes(row.type) ? row.type : SKIP,
    response: RESPONSES.includes(row.response) ? row.response : SKIP,
    responded_at: instantOrNull(row.responded_at),
    proposed_start: instantOrNull(row.proposed_start),
    proposed_end: instantOrNull(row.proposed_end),
    added_in_outlook: flag(row.added_in_outlook),
  };
  return Object.values(out).includes(SKIP) ? null : (out as AttendeeRow);
}

export function toMeeting(row: { id?: unknown; tenant_id?: unknown }, attendees: readonly unknown[]): Meeting {
  const key = { tenantId: row.tenant_id, meetingId: row.id };
  const m = readMeetingRow(row) ?? parseRow(meetingRow, row, { table: 'meetings', key });
  return meetingFromRow(
    m,
    attendees.map((a) => toAttendee(a, key)),
  );
}

function toAttendee(row: unknown, key: Record<string, unknown>): MeetingAttendee {
  return attendeeFromRow(readAttendeeRow(row) ?? parseRow(attendeeRow, row, { table: 'meeting_attendees', key }));
}

export function toOccurrence(row: unknown, key: Record<string, unknown>): OccurrenceOverride {
  return occurrenceFromRow(parseRow(occurrenceRow, row, { table: 'meeting_occurrences', key }));
}

export function meetingParams(meeting: Meeting, span: Interval) {
  return {
    tenantId: meeting.tenantId,
    id: meeting.id,
    organizerId: meeting.organizerId,
    organizerEmail: meeting.organizerEmail,
    organizerName: meeting.organizerName,
    typeId: meeting.typeId,
    title: meeting.title,
    agenda: meeting.agenda,
    start: toIso(meeting.start),
    end: toIso(meeting.end),
    timeZone: meeting.timeZone,
    recurrence: meeting.recurrence ? JSON.stringify(meeting.recurrence) : null,
    online: meeting.online ? 1 : 0,
    location: meeting.location,
    status: meeting.status,
    transactionId: meeting.transactionId,
    graphEventId: meeting.graphEventId,
    iCalUId: meeting.iCalUId,
    changeKey: meeting.changeKey,
    joinUrl: meeting.joinUrl,
    version: meeting.version,
    createdAt: toIso(meeting.createdAt),
    updatedAt: toIso(meeting.updatedAt),
    outlookSubject: meeting.outlookSubject,
    spanStart: toIso(span.start),
    spanEnd: toIso(span.end),
  };
}

export function attendeeParams(tenantId: string, meetingId: string, attendee: MeetingAttendee, position: number) {
  return {
    tenantId,
    meetingId,
    position,
    email: attendee.email,
    userId: attendee.userId,
    displayName: attendee.displayName,
    type: attendee.type,
    response: attendee.response,
    respondedAt: toIso(attendee.respondedAt),
    proposedStart: toIso(attendee.proposedStart),
    proposedEnd: toIso(attendee.proposedEnd),
    addedInOutlook: attendee.addedInOutlook ? 1 : 0,
  };
}
