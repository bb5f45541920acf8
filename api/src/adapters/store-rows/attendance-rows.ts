import { z } from 'zod';
import type { OccurrenceAttendance } from '../../ports/attendance-store.ts';
import { parseRow } from '../sqlite/row-codec.ts';
import type { ColumnCodec } from './column-codec.ts';

const participantSchema = z.object({
  email: z.string(),
  userId: z.string().nullable(),
  displayName: z.string(),
  role: z.enum(['organizer', 'attendee']),
  joined: z.boolean(),
  minutesPresent: z.number().int().nonnegative(),
});

export const ATTENDANCE_STATES = ['pending', 'held', 'partly_attended', 'no_show', 'unknown'] as const;
export const ATTENDANCE_SOURCES = ['teams', 'organizer', 'timeout'] as const;
export const UNKNOWN_REASONS = [
  'no_report',
  'not_permitted',
  'not_connected',
  'no_online_meeting',
  'not_told',
] as const;

export function attendanceRowSchema(c: ColumnCodec) {
  return z.object({
    tenant_id: z.string(),
    meeting_id: z.string(),
    occurrence_start: c.instant,
    occurrence_end: c.instant,
    online: c.flag,
    state: z.enum(ATTENDANCE_STATES),
    source: z.enum(ATTENDANCE_SOURCES).nullable(),
    participants_json: c.json(z.array(participantSchema)),
    attempts: z.number().int().nonnegative(),
    next_check_at: c.instant.nullable(),
    unknown_reason: z.enum(UNKNOWN_REASONS).nullable(),
    decided_at: c.instant.nullable(),
    decided_by: z.string().nullable(),
    version: z.number().int(),
    created_at: c.instant,
    updated_at: c.instant,
  });
}

export function attendanceFromRow(a: z.output<ReturnType<typeof attendanceRowSchema>>): OccurrenceAttendance {
  return {
    tenantId: a.tenant_id,
    meetingId: a.meeting_id,
    occurrenceStart: a.occurrence_start,
    occurrenceEnd: a.occurrence_end,
    online: a.online,
    state: a.state,
    source: a.source,
    participants: a.participants_json,
    attempts: a.attempts,
    nextCheckAt: a.next_check_at,
    unknownReason: a.unknown_reason,
    decidedAt: a.decided_at,
    decidedBy: a.decided_by,
    version: a.version,
    createdAt: a.created_at,
    updatedAt: a.updated_at,
  };
}

/** Reads stored rows through the database's column codec; a row that does not fit is reported with its key. */
export function attendanceRowReader(c: ColumnCodec): (row: unknown) => OccurrenceAttendance {
  const schema = attendanceRowSchema(c);
  return (row) => {
    const {
      tenant_id: tenantId,
      meeting_id: meetingId,
      occurrence_start: occurrenceStart,
    } = row as Record<string, unknown>;
    return attendanceFromRow(
      parseRow(schema, row, { table: 'meeting_attendance', key: { tenantId, meetingId, occurrenceStart } }),
    );
  };
}

/** The participants as stored: the fields in a fixed order, nothing else the caller's objects may carry. */
export function participantsJson(record: OccurrenceAttendance): string {
  return JSON.stringify(
    record.participants.map(({ email, userId, displayName, role, joined, minutesPresent }) => ({
      email,
      userId,
      displayName,
      role,
      joined,
      minutesPresent,
    })),
  );
}
