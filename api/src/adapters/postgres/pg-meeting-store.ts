import type { Meeting, OccurrenceOverride } from '../../domain/scheduling/meeting.ts';
import type { MeetingStore } from '../../ports/meeting-store.ts';
import { listOccurrenceTimes, overlaps, sortIntervals, spanOf } from '../sqlite/meeting-span.ts';
import { assertLimit, storeError } from '../sqlite/store-errors.ts';
import type { PgDatabase, PgQueryable } from './pg-database.ts';
import { attendeeArrays, type MeetingRowFields, meetingValues, toMeeting, toOccurrence } from './pg-meeting-rows.ts';
import { INSERTED, listForUserSql, meetingSql as sql, UPDATED } from './pg-meeting-store-sql.ts';

type AttendeeRowFields = Record<string, unknown> & { tenant_id: string; meeting_id: string };

/** Meetings with their attendees and occurrence overrides; a meeting and its attendees are one transaction. */
export function createPostgresMeetingStore(db: PgDatabase): MeetingStore {
  const readOccurrences = async (q: PgQueryable, tenantId: string, meetingId: string) =>
    (await q.query(sql.selectOccurrences, [tenantId, meetingId])).map((row) =>
      toOccurrence(row, { tenantId, meetingId }),
    );

  const writeAttendees = async (tx: PgQueryable, meeting: Meeting) => {
    await tx.execute(sql.deleteAttendees, [meeting.tenantId, meeting.id]);
    if (meeting.attendees.length === 0) return;
    await tx.execute(sql.insertAttendees, [meeting.tenantId, meeting.id, ...attendeeArrays(meeting.attendees)]);
  };

  /** Each meeting row with its attendees, read for all of them (of any tenants) in one statement. */
  const withAttendees = async (rows: MeetingRowFields[]): Promise<Meeting[]> => {
    if (rows.length === 0) return [];
    const attendees = await db.query<AttendeeRowFields>(sql.selectAttendeesOf, [
      rows.map((row) => row.tenant_id),
      rows.map((row) => row.id),
    ]);
    const byMeeting = new Map<string, AttendeeRowFields[]>();
    for (const attendee of attendees) {
      const key = JSON.stringify([attendee.tenant_id, attendee.meeting_id]);
      const list = byMeeting.get(key);
      if (list) list.push(attendee);
      else byMeeting.set(key, [attendee]);
    }
    return rows.map((row) => toMeeting(row, byMeeting.get(JSON.stringify([row.tenant_id, row.id])) ?? []));
  };

  /** The overrides of the recurring meetings among the rows, by meeting id (one statement for all of them). */
  const overridesOf = async (tenantId: string, meetings: Meeting[]) => {
    const recurring = meetings.filter((m) => m.recurrence).map((m) => m.id);
    const byMeeting = new Map<string, OccurrenceOverride[]>();
    if (recurring.length === 0) return byMeeting;
    for (const row of await db.query<{ meeting_id: string }>(sql.selectOccurrencesOf, [tenantId, recurring])) {
      const override = toOccurrence(row, { tenantId, meetingId: row.meeting_id });
      byMeeting.set(override.meetingId, [...(byMeeting.get(override.meetingId) ?? []), override]);
    }
    return byMeeting;
  };

  const values = (meeting: Meeting, span: ReturnType<typeof spanOf>, columns: typeof INSERTED) => {
    const all = meetingValues(meeting, span);
    return columns.map((column) => all[column]);
  };

  return {
    async insert(meeting) {
      const span = spanOf(meeting, []);
      await db.transaction(async (tx) => {
        await tx.execute(sql.insertMeeting, values(meeting, span, INSERTED));
        await writeAttendees(tx, meeting);
      });
    },
    async get(tenantId, meetingId) {
      const [row] = await db.query<MeetingRowFields>(sql.selectMeeting, [tenantId, meetingId]);
      return row ? toMeeting(row, await db.query(sql.selectAttendees, [tenantId, meetingId])) : undefined;
    },
    async update(meeting, expectedVersion) {
      return db.transaction(async (tx) => {
        await tx.query(sql.lockMeeting, [meeting.tenantId, meeting.id]);
        const span = spanOf(meeting, await readOccurrences(tx, meeting.tenantId, meeting.id));
        const next = { ...meeting, version: expectedVersion + 1 };
        const params = [meeting.tenantId, meeting.id, ...values(next, span, UPDATED), expectedVersion];
        if ((await tx.execute(sql.updateMeeting, params)) === 0) return false;
        await writeAttendees(tx, meeting);
        return true;
      });
    },
    async listForUser(tenantId, userId, options) {
      assertLimit(options.limit, 'meetings');
      const { sql: text, filterParams } = listForUserSql(options);
      return withAttendees(await db.query<MeetingRowFields>(text, [tenantId, userId, options.limit, ...filterParams]));
    },
    async listCreating(olderThan) {
      return withAttendees(await db.query<MeetingRowFields>(sql.listCreating, [olderThan]));
    },
    async listActiveOrganizers(after) {
      const rows = await db.query<{ tenant_id: string; organizer_id: string }>(sql.listActiveOrganizers, [after]);
      return rows.map((row) => ({ tenantId: row.tenant_id, userId: row.organizer_id }));
    },
    async listFailedSince(since) {
      return withAttendees(await db.query<MeetingRowFields>(sql.listFailedSince, [since]));
    },
    async findByGraphEventId(tenantId, graphEventId) {
      const [row] = await db.query<MeetingRowFields>(sql.findByGraphEventId, [tenantId, graphEventId]);
      return row ? (await withAttendees([row]))[0] : undefined;
    },
    async countMeetingsByUserAndDay(tenantId, userIds, window) {
      const rows = await db.query<MeetingRowFields & { participant_id: string }>(sql.listScheduledFor, [
        tenantId,
        userIds,
        window.start,
        window.end,
      ]);
      // One row per (meeting, participant): expand each meeting once, however many of the users it involves.
      const meetings = new Map(rows.map((row) => [row.id, toMeeting(row, [])]));
      const overrides = await overridesOf(tenantId, [...meetings.values()]);
      const times = new Map(
        [...meetings.values()].map((meeting) => [
          meeting.id,
          listOccurrenceTimes(meeting, overrides.get(meeting.id) ?? []).filter((time) => overlaps(time, window)),
        ]),
      );
      const intervals = rows.flatMap((row) =>
        (times.get(row.id) ?? []).map((time) => ({
          userId: row.participant_id,
          start: new Date(time.start),
          end: new Date(time.end),
        })),
      );
      return sortIntervals(intervals);
    },
    async listEndingBetween(from, to, options) {
      assertLimit(options.limit, 'meetings');
      const after = options.after ?? null;
      return withAttendees(
        await db.query<MeetingRowFields>(sql.listEndingBetween, [
          from,
          to,
          after?.tenantId ?? null,
          after?.meetingId ?? null,
          options.limit,
        ]),
      );
    },
    async upsertOccurrence(tenantId, override) {
      await db.transaction(async (tx) => {
        const [row] = await tx.query<MeetingRowFields>(sql.lockMeeting, [tenantId, override.meetingId]);
        if (!row) throw missingMeeting(tenantId, override.meetingId);
        const meeting = toMeeting(row, []);
        await tx.execute(sql.upsertOccurrence, [
          tenantId,
          override.meetingId,
          override.originalStart,
          override.start,
          override.end,
          override.cancelled,
          override.graphEventId,
        ]);
        const span = spanOf(meeting, await readOccurrences(tx, tenantId, meeting.id));
        await tx.execute(sql.updateSpan, [tenantId, meeting.id, span.start, span.end]);
      });
    },
    async listOccurrences(tenantId, meetingId) {
      return readOccurrences(db, tenantId, meetingId);
    },
  };
}

function missingMeeting(tenantId: string, meetingId: string) {
  return storeError(
    { reason: 'missing_parent', table: 'meeting_occurrences', key: { tenantId, meetingId } },
    `Meeting ${meetingId} does not exist in this tenant`,
  );
}
