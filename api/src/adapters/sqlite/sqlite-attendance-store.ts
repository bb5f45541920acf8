import type { AttendanceStore, OccurrenceAttendance } from '../../ports/attendance-store.ts';
import { attendanceRowReader, participantsJson } from '../store-rows/attendance-rows.ts';
import type { SqliteDatabase } from './database.ts';
import { sqliteColumns, toIso, translateConstraint } from './row-codec.ts';
import { assertLimit } from './store-errors.ts';

const toAttendance = attendanceRowReader(sqliteColumns);

const COLUMNS = `tenant_id, meeting_id, occurrence_start, occurrence_end, online, state, source, participants_json,
  attempts, next_check_at, unknown_reason, decided_at, decided_by, version, created_at, updated_at`;

/** One record per ended occurrence; saves are optimistic on the version they read. */
export function createSqliteAttendanceStore(db: SqliteDatabase): AttendanceStore {
  const sql = {
    insert: db.prepare(`
      INSERT INTO meeting_attendance (${COLUMNS})
      VALUES (@tenantId, @meetingId, @occurrenceStart, @occurrenceEnd, @online, @state, @source, @participants,
        @attempts, @nextCheckAt, @unknownReason, @decidedAt, @decidedBy, @version, @createdAt, @updatedAt)
      ON CONFLICT (tenant_id, meeting_id, occurrence_start) DO NOTHING`),
    // The key and the creation time stay as first recorded.
    update: db.prepare(`
      UPDATE meeting_attendance SET occurrence_end = @occurrenceEnd, online = @online, state = @state,
        source = @source, participants_json = @participants, attempts = @attempts, next_check_at = @nextCheckAt,
        unknown_reason = @unknownReason, decided_at = @decidedAt, decided_by = @decidedBy, version = @version,
        updated_at = @updatedAt
      WHERE tenant_id = @tenantId AND meeting_id = @meetingId AND occurrence_start = @occurrenceStart
        AND version = @expectedVersion`),
    selectOne: db.prepare(`
      SELECT ${COLUMNS} FROM meeting_attendance
      WHERE tenant_id = ? AND meeting_id = ? AND occurrence_start = ?`),
    selectForMeetings: db.prepare(`
      SELECT ${COLUMNS} FROM meeting_attendance
      WHERE tenant_id = +? AND meeting_id IN (SELECT value FROM json_each(?))
      ORDER BY meeting_id, occurrence_start`),
    selectDue: db.prepare(`
      SELECT ${COLUMNS} FROM meeting_attendance INDEXED BY meeting_attendance_due
      WHERE next_check_at IS NOT NULL AND next_check_at <= ?
      ORDER BY next_check_at, tenant_id, meeting_id, occurrence_start LIMIT +?`),
    selectUntold: db.prepare(`
      SELECT ${COLUMNS} FROM meeting_attendance INDEXED BY meeting_attendance_untold
      WHERE state = 'pending' AND next_check_at IS NULL AND occurrence_end < ?
      ORDER BY occurrence_end, tenant_id, meeting_id, occurrence_start LIMIT +?`),
  };

  const addPending = db.transaction((records: readonly OccurrenceAttendance[]) => {
    let added = 0;
    for (const record of records) {
      try {
        added += sql.insert.run(params(record, record.version)).changes;
      } catch (error) {
        translateConstraint(error, 'meeting_attendance', keyOf(record));
      }
    }
    return added;
  });

  return {
    async addPending(records) {
      return addPending(records);
    },
    async get(tenantId, meetingId, occurrenceStart) {
      const row = sql.selectOne.get(tenantId, meetingId, toIso(occurrenceStart));
      return row === undefined ? undefined : toAttendance(row);
    },
    async listForMeeting(tenantId, meetingId) {
      return sql.selectForMeetings.all(tenantId, JSON.stringify([meetingId])).map(toAttendance);
    },
    async listForMeetings(tenantId, meetingIds) {
      if (meetingIds.length === 0) return [];
      return sql.selectForMeetings.all(tenantId, JSON.stringify(meetingIds)).map(toAttendance);
    },
    async listDue(now, limit) {
      assertLimit(limit, 'meeting_attendance');
      return sql.selectDue.all(toIso(now), limit).map(toAttendance);
    },
    async listUntold(endedBefore, limit) {
      assertLimit(limit, 'meeting_attendance');
      return sql.selectUntold.all(toIso(endedBefore), limit).map(toAttendance);
    },
    async save(record, expectedVersion) {
      try {
        return sql.update.run({ ...params(record, expectedVersion + 1), expectedVersion }).changes === 1;
      } catch (error) {
        translateConstraint(error, 'meeting_attendance', keyOf(record));
      }
    },
  };
}

function params(record: OccurrenceAttendance, version: number) {
  return {
    tenantId: record.tenantId,
    meetingId: record.meetingId,
    occurrenceStart: toIso(record.occurrenceStart),
    occurrenceEnd: toIso(record.occurrenceEnd),
    online: record.online ? 1 : 0,
    state: record.state,
    source: record.source,
    participants: participantsJson(record),
    attempts: record.attempts,
    nextCheckAt: toIso(record.nextCheckAt),
    unknownReason: record.unknownReason,
    decidedAt: toIso(record.decidedAt),
    decidedBy: record.decidedBy,
    version,
    createdAt: toIso(record.createdAt),
    updatedAt: toIso(record.updatedAt),
  };
}

function keyOf(record: OccurrenceAttendance) {
  return { tenantId: record.tenantId, meetingId: record.meetingId, occurrenceStart: toIso(record.occurrenceStart) };
}
