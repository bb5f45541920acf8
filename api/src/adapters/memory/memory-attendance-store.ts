import type { AttendanceStore, OccurrenceAttendance } from '../../ports/attendance-store.ts';
import { assertLimit, storeError } from '../sqlite/store-errors.ts';
import { ATTENDANCE_SOURCES, ATTENDANCE_STATES, UNKNOWN_REASONS } from '../store-rows/attendance-rows.ts';
import { compareText, copy, keyOf, type MemoryState } from './memory-state.ts';

/** The in-memory AttendanceStore: the same answers and refusals as the SQLite one. */
export function createMemoryAttendanceStore(state: MemoryState): AttendanceStore {
  const stored = () => [...state.attendance.values()];

  return {
    async addPending(records) {
      for (const record of records) check(state, record);
      let added = 0;
      for (const record of records) {
        const key = attendanceKey(record.tenantId, record.meetingId, record.occurrenceStart);
        if (state.attendance.has(key)) continue;
        state.attendance.set(key, copy(record));
        added += 1;
      }
      return added;
    },
    async get(tenantId, meetingId, occurrenceStart) {
      const record = state.attendance.get(attendanceKey(tenantId, meetingId, occurrenceStart));
      return record ? copy(record) : undefined;
    },
    async listForMeeting(tenantId, meetingId) {
      return stored()
        .filter((r) => r.tenantId === tenantId && r.meetingId === meetingId)
        .sort(byMeeting)
        .map(copy);
    },
    async listForMeetings(tenantId, meetingIds) {
      const ids = new Set(meetingIds);
      return stored()
        .filter((r) => r.tenantId === tenantId && ids.has(r.meetingId))
        .sort(byMeeting)
        .map(copy);
    },
    async listDue(now, limit) {
      assertLimit(limit, 'meeting_attendance');
      return stored()
        .filter((r) => r.nextCheckAt !== null && r.nextCheckAt <= now)
        .sort((a, b) => a.nextCheckAt!.getTime() - b.nextCheckAt!.getTime() || byKey(a, b))
        .slice(0, limit)
        .map(copy);
    },
    async listUntold(endedBefore, limit) {
      assertLimit(limit, 'meeting_attendance');
      return stored()
        .filter((r) => r.state === 'pending' && r.nextCheckAt === null && r.occurrenceEnd < endedBefore)
        .sort((a, b) => a.occurrenceEnd.getTime() - b.occurrenceEnd.getTime() || byKey(a, b))
        .slice(0, limit)
        .map(copy);
    },
    async save(record, expectedVersion) {
      const key = attendanceKey(record.tenantId, record.meetingId, record.occurrenceStart);
      const current = state.attendance.get(key);
      if (!current || current.version !== expectedVersion) return false;
      check(state, record);
      state.attendance.set(key, { ...copy(record), createdAt: current.createdAt, version: expectedVersion + 1 });
      return true;
    },
  };
}

function attendanceKey(tenantId: string, meetingId: string, occurrenceStart: Date): string {
  return JSON.stringify([tenantId, meetingId, occurrenceStart.toISOString()]);
}

function byMeeting(a: OccurrenceAttendance, b: OccurrenceAttendance): number {
  return compareText(a.meetingId, b.meetingId) || a.occurrenceStart.getTime() - b.occurrenceStart.getTime();
}

function byKey(a: OccurrenceAttendance, b: OccurrenceAttendance): number {
  return compareText(a.tenantId, b.tenantId) || byMeeting(a, b);
}

/** The checks the SQLite schema makes (its foreign key and CHECKs), with the same reasons. */
function check(state: MemoryState, record: OccurrenceAttendance): void {
  const key = { tenantId: record.tenantId, meetingId: record.meetingId, occurrenceStart: record.occurrenceStart };
  const fail = (reason: 'constraint' | 'missing_parent', message: string) =>
    storeError({ reason, table: 'meeting_attendance', key }, message);
  if (!state.meetings.has(keyOf(record.tenantId, record.meetingId))) {
    throw fail('missing_parent', `Meeting ${record.meetingId} does not exist in this tenant`);
  }
  const pending = record.state === 'pending';
  const broken =
    !(ATTENDANCE_STATES as readonly string[]).includes(record.state) ||
    (record.source !== null && !(ATTENDANCE_SOURCES as readonly string[]).includes(record.source)) ||
    (record.unknownReason !== null && !(UNKNOWN_REASONS as readonly string[]).includes(record.unknownReason)) ||
    record.occurrenceEnd <= record.occurrenceStart ||
    !Number.isInteger(record.attempts) ||
    record.attempts < 0 ||
    pending !== (record.source === null) ||
    pending !== (record.decidedAt === null) ||
    (record.state === 'unknown') !== (record.unknownReason !== null);
  if (broken) throw fail('constraint', `Attendance of ${record.meetingId} breaks a rule of its table`);
}
