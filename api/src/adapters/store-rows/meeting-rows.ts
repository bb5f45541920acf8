import { recurrenceSchema as requestRecurrenceSchema } from '@confer/contracts';
import { z } from 'zod';
import type { Meeting, MeetingAttendee, OccurrenceOverride } from '../../domain/scheduling/meeting.ts';
import type { ColumnCodec } from './column-codec.ts';

const recurrenceSchema = z.object({
  kind: requestRecurrenceSchema.shape.kind,
  count: z.number().int().positive(),
});

export function meetingRowSchema(c: ColumnCodec) {
  return z.object({
    tenant_id: z.string(),
    id: z.string(),
    organizer_id: z.string(),
    organizer_email: z.string(),
    organizer_name: z.string(),
    type_id: z.string().nullable(),
    title: z.string(),
    agenda: z.string(),
    start_utc: c.instant,
    end_utc: c.instant,
    time_zone: z.string(),
    recurrence_json: c.json(recurrenceSchema).nullable(),
    online: c.flag,
    location: z.string().nullable(),
    status: z.enum(['creating', 'scheduled', 'cancelled', 'failed']),
    transaction_id: z.string(),
    graph_event_id: z.string().nullable(),
    ical_uid: z.string().nullable(),
    change_key: z.string().nullable(),
    join_url: z.string().nullable(),
    version: z.number().int(),
    created_at: c.instant,
    updated_at: c.instant,
    outlook_subject: z.string().nullable(),
  });
}

/** The attendee columns read back; which key columns come with them is each store's own. */
export function attendeeRowShape(c: ColumnCodec) {
  return {
    email: z.string(),
    user_id: z.string().nullable(),
    display_name: z.string(),
    type: z.enum(['required', 'optional']),
    response: z.enum(['none', 'organizer', 'accepted', 'tentativelyAccepted', 'declined', 'notResponded']),
    responded_at: c.instant.nullable(),
    proposed_start: c.instant.nullable(),
    proposed_end: c.instant.nullable(),
    added_in_outlook: c.flag,
  };
}

export function occurrenceRowSchema(c: ColumnCodec) {
  return z.object({
    meeting_id: z.string(),
    original_start: c.instant,
    start_utc: c.instant,
    end_utc: c.instant,
    cancelled: c.flag,
    graph_event_id: z.string().nullable(),
  });
}

/** A meetings row once read, whichever database it came from. */
export type MeetingRow = z.output<ReturnType<typeof meetingRowSchema>>;
export type AttendeeRow = z.output<z.ZodObject<ReturnType<typeof attendeeRowShape>>>;
export type OccurrenceRow = z.output<ReturnType<typeof occurrenceRowSchema>>;

export function meetingFromRow(m: MeetingRow, attendees: MeetingAttendee[]): Meeting {
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
    attendees,
    version: m.version,
    createdAt: m.created_at,
    updatedAt: m.updated_at,
  };
}

export function attendeeFromRow(a: AttendeeRow): MeetingAttendee {
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

export function occurrenceFromRow(o: OccurrenceRow): OccurrenceOverride {
  return {
    meetingId: o.meeting_id,
    originalStart: o.original_start,
    start: o.start_utc,
    end: o.end_utc,
    cancelled: o.cancelled,
    graphEventId: o.graph_event_id,
  };
}
