import { recurrenceSchema as requestRecurrenceSchema } from '@confer/contracts';
import { z } from 'zod';
import type { Meeting, MeetingAttendee, OccurrenceOverride } from '../../domain/scheduling/meeting.ts';
import type { Interval } from '../../domain/scheduling/model.ts';
import { isoDate, jsonColumn, nullableIsoDate, parseRow, sqliteBoolean, toIso } from './row-codec.ts';

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
  start_utc: isoDate,
  end_utc: isoDate,
  time_zone: z.string(),
  recurrence_json: jsonColumn(recurrenceSchema).nullable(),
  online: sqliteBoolean,
  location: z.string().nullable(),
  status: z.enum(['creating', 'scheduled', 'cancelled', 'failed']),
  transaction_id: z.string(),
  graph_event_id: z.string().nullable(),
  ical_uid: z.string().nullable(),
  change_key: z.string().nullable(),
  join_url: z.string().nullable(),
  version: z.number().int(),
  created_at: isoDate,
  updated_at: isoDate,
  outlook_subject: z.string().nullable(),
});

const attendeeRow = z.object({
  meeting_id: z.string(),
  email: z.string(),
  user_id: z.string().nullable(),
  display_name: z.string(),
  type: z.enum(['required', 'optional']),
  response: z.enum(['none', 'organizer', 'accepted', 'tentativelyAccepted', 'declined', 'notResponded']),
  responded_at: nullableIsoDate,
  proposed_start: nullableIsoDate,
  proposed_end: nullableIsoDate,
  added_in_outlook: sqliteBoolean,
});

const occurrenceRow = z.object({
  meeting_id: z.string(),
  original_start: isoDate,
  start_utc: isoDate,
  end_utc: isoDate,
  cancelled: sqliteBoolean,
  graph_event_id: z.string().nullable(),
});

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
  const a = readAttendeeRow(row) ?? parseRow(attendeeRow, row, { table: 'meeting_attendees', key });
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
