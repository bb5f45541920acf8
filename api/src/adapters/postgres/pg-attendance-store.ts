import type { AttendanceStore, OccurrenceAttendance } from '../../ports/attendance-store.ts';
import { assertLimit } from '../sqlite/store-errors.ts';
import { attendanceRowReader, participantsJson } from '../store-rows/attendance-rows.ts';
import type { PgDatabase } from './pg-database.ts';
import { pgColumns } from './pg-row-codec.ts';

const toAttendance = attendanceRowReader(pgColumns);

const COLUMNS = `tenant_id, meeting_id, occurrence_start, occurrence_end, online, state, source, participants_json,
  attempts, next_check_at, unknown_reason, decided_at, decided_by, version, created_at, updated_at`;

/*
 * Ties are ordered by text in byte order (COLLATE "C"), as SQLite sorts them. An insert binds every column in
 * COLUMNS order; an update binds the same values without the creation time ($1…$15), then the version it read.
 */
const sql = {
  // Many records in one statement: records already there (the planner saw the occurrence before) are left alone.
  insert: `
    INSERT INTO meeting_attendance (${COLUMNS})
    SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::boolean[], $6::text[],
      $7::text[], $8::jsonb[], $9::integer[], $10::timestamptz[], $11::text[], $12::timestamptz[], $13::text[],
      $14::integer[], $15::timestamptz[], $16::timestamptz[])
    ON CONFLICT (tenant_id, meeting_id, occurrence_start) DO NOTHING`,
  // Compare and set in one statement: of two replicas saving the same version, one matches and the other finds none.
  // The key and the creation time stay as first recorded.
  update: `
    UPDATE meeting_attendance SET occurrence_end = $4, online = $5, state = $6, source = $7, participants_json = $8,
      attempts = $9, next_check_at = $10, unknown_reason = $11, decided_at = $12, decided_by = $13, version = $14,
      updated_at = $15
    WHERE tenant_id = $1 AND meeting_id = $2 AND occurrence_start = $3 AND version = $16`,
  selectOne: `
    SELECT ${COLUMNS} FROM meeting_attendance WHERE tenant_id = $1 AND meeting_id = $2 AND occurrence_start = $3`,
  selectForMeetings: `
    SELECT ${COLUMNS} FROM meeting_attendance WHERE tenant_id = $1 AND meeting_id = ANY ($2::text[])
    ORDER BY meeting_id COLLATE "C", occurrence_start`,
  selectDue: `
    SELECT ${COLUMNS} FROM meeting_attendance
    WHERE next_check_at IS NOT NULL AND next_check_at <= $1
    ORDER BY next_check_at, tenant_id COLLATE "C", meeting_id COLLATE "C", occurrence_start LIMIT $2`,
  selectUntold: `
    SELECT ${COLUMNS} FROM meeting_attendance
    WHERE state = 'pending' AND next_check_at IS NULL AND occurrence_end < $1
    ORDER BY occurrence_end, tenant_id COLLATE "C", meeting_id COLLATE "C", occurrence_start LIMIT $2`,
};

/** One record per ended occurrence; saves are compare-and-set on the version they read. */
export function createPostgresAttendanceStore(db: PgDatabase): AttendanceStore {
  return {
    async addPending(records) {
      if (records.length === 0) return 0;
      const rows = records.map((record) => values(record, record.version));
      const columns = rows[0]!.map((_, i) => rows.map((row) => row[i]));
      return db.execute(sql.insert, columns);
    },
    async get(tenantId, meetingId, occurrenceStart) {
      const [row] = await db.query(sql.selectOne, [tenantId, meetingId, occurrenceStart]);
      return row ? toAttendance(row) : undefined;
    },
    async listForMeeting(tenantId, meetingId) {
      return (await db.query(sql.selectForMeetings, [tenantId, [meetingId]])).map(toAttendance);
    },
    async listForMeetings(tenantId, meetingIds) {
      if (meetingIds.length === 0) return [];
      return (await db.query(sql.selectForMeetings, [tenantId, [...meetingIds]])).map(toAttendance);
    },
    async listDue(now, limit) {
      assertLimit(limit, 'meeting_attendance');
      return (await db.query(sql.selectDue, [now, limit])).map(toAttendance);
    },
    async listUntold(endedBefore, limit) {
      assertLimit(limit, 'meeting_attendance');
      return (await db.query(sql.selectUntold, [endedBefore, limit])).map(toAttendance);
    },
    async save(record, expectedVersion) {
      const updated = values(record, expectedVersion + 1).filter((_, i) => i !== CREATED_AT);
      return (await db.execute(sql.update, [...updated, expectedVersion])) === 1;
    },
  };
}

const CREATED_AT = 14;

/** The record's values in COLUMNS order, with the version to store. */
function values(record: OccurrenceAttendance, version: number): unknown[] {
  return [
    record.tenantId,
    record.meetingId,
    record.occurrenceStart,
    record.occurrenceEnd,
    record.online,
    record.state,
    record.source,
    participantsJson(record),
    record.attempts,
    record.nextCheckAt,
    record.unknownReason,
    record.decidedAt,
    record.decidedBy,
    version,
    record.createdAt,
    record.updatedAt,
  ];
}
