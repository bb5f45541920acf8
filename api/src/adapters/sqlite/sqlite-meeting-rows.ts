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

export function toMeeting(row: { id?: unknown; tenant_id?: unknown }, attendees: readonly unknown[]): Meeting {
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
