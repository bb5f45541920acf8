import type { Meeting, OccurrenceOverride } from '../../domain/scheduling/meeting.ts';
import type { MeetingStore } from '../../ports/meeting-store.ts';
import type { SqliteDatabase } from './database.ts';
import { listOccurrenceTimes, overlaps, sortIntervals, spanOf } from './meeting-span.ts';
import { toIso, translateConstraint } from './row-codec.ts';
import { attendeeParams, meetingParams, toMeeting, toOccurrence } from './sqlite-meeting-rows.ts';
import { prepareMeetingStatements } from './sqlite-meeting-statements.ts';
import { assertLimit, storeError } from './store-errors.ts';

type Row = Record<string, unknown> & { tenant_id: string; id: string };

/** Meetings with their attendees and occurrence overrides; a meeting and its attendees are one transaction. */
export function createSqliteMeetingStore(db: SqliteDatabase): MeetingStore {
  const sql = prepareMeetingStatements(db);

  const readOccurrences = (tenantId: string, meetingId: string): OccurrenceOverride[] =>
    sql.selectOccurrences.all(tenantId, meetingId).map((row) => toOccurrence(row, { tenantId, meetingId }));

  const writeAttendees = (meeting: Meeting) => {
    sql.deleteAttendees.run(meeting.tenantId, meeting.id);
    meeting.attendees.forEach((attendee, position) => {
      sql.insertAttendee.run(attendeeParams(meeting.tenantId, meeting.id, attendee, position));
    });
  };

  const insert = db.transaction((meeting: Meeting) => {
    sql.insertMeeting.run(meetingParams(meeting, spanOf(meeting, [])));
    writeAttendees(meeting);
  });

  const update = db.transaction((meeting: Meeting, expectedVersion: number): boolean => {
    const span = spanOf(meeting, readOccurrences(meeting.tenantId, meeting.id));
    const params = { ...meetingParams({ ...meeting, version: expectedVersion + 1 }, span), expectedVersion };
    if (sql.updateMeeting.run(params).changes === 0) return false;
    writeAttendees(meeting);
    return true;
  });

  const upsertOccurrence = db.transaction((tenantId: string, override: OccurrenceOverride) => {
    const meeting = readMeeting(tenantId, override.meetingId);
    if (!meeting) throw missingMeeting(tenantId, override.meetingId);
    sql.upsertOccurrence.run({
      tenantId,
      meetingId: override.meetingId,
      originalStart: toIso(override.originalStart),
      start: toIso(override.start),
      end: toIso(override.end),
      cancelled: override.cancelled ? 1 : 0,
      graphEventId: override.graphEventId,
    });
    const span = spanOf(meeting, readOccurrences(tenantId, meeting.id));
    sql.updateSpan.run({ tenantId, id: meeting.id, spanStart: toIso(span.start), spanEnd: toIso(span.end) });
  });

  function readMeeting(tenantId: string, meetingId: string): Meeting | undefined {
    const row = sql.selectMeeting.get(tenantId, meetingId) as Row | undefined;
    return row ? toMeeting(row, sql.selectAttendees.all(tenantId, meetingId)) : undefined;
  }

  /*
   * Reads of more than one statement run in one read transaction. In WAL mode a statement outside a transaction
   * takes the database's read locks and gives them back by itself (system calls each time), which cost more than
   * reading a meeting's rows; inside one they are taken once, and the rows come from one snapshot.
   */
  const readMeetingAtOnce = db.transaction(readMeeting);
  const listAtOnce = db.transaction(
    (tenantId: string, statement: typeof sql.listForUserAsc, params: Record<string, unknown>) =>
      withAttendees(tenantId, statement.all(params) as Row[]),
  );

  function withAttendees(tenantId: string, rows: Row[]): Meeting[] {
    const attendees = sql.selectAttendeesOf.all(tenantId, JSON.stringify(rows.map((r) => r.id))) as Row[];
    const byMeeting = new Map<unknown, Row[]>();
    for (const attendee of attendees) {
      const list = byMeeting.get(attendee.meeting_id);
      if (list) list.push(attendee);
      else byMeeting.set(attendee.meeting_id, [attendee]);
    }
    return rows.map((row) => toMeeting(row, byMeeting.get(row.id) ?? []));
  }

  return {
    async insert(meeting) {
      try {
        insert(meeting);
      } catch (error) {
        translateConstraint(error, 'meetings', { tenantId: meeting.tenantId, meetingId: meeting.id });
      }
    },
    async get(tenantId, meetingId) {
      return readMeetingAtOnce(tenantId, meetingId);
    },
    async update(meeting, expectedVersion) {
      try {
        return update(meeting, expectedVersion);
      } catch (error) {
        translateConstraint(error, 'meetings', { tenantId: meeting.tenantId, meetingId: meeting.id });
      }
    },
    async listForUser(tenantId, userId, options) {
      assertLimit(options.limit, 'meetings');
      const statement = options.order === 'asc' ? sql.listForUserAsc : sql.listForUserDesc;
      return listAtOnce(tenantId, statement, {
        tenantId,
        userId,
        from: options.from ? toIso(options.from) : null,
        to: options.to ? toIso(options.to) : null,
        statuses: options.statuses ? JSON.stringify(options.statuses) : null,
        limit: options.limit,
      });
    },
    async listCreating(olderThan) {
      const rows = sql.listCreating.all(toIso(olderThan)) as Row[];
      return rows.map((row) => toMeeting(row, sql.selectAttendees.all(row.tenant_id, row.id)));
    },
    async listActiveOrganizers(after) {
      const rows = sql.listActiveOrganizers.all(toIso(after)) as { tenant_id: string; organizer_id: string }[];
      return rows.map((row) => ({ tenantId: row.tenant_id, userId: row.organizer_id }));
    },
    async listFailedSince(since) {
      const rows = sql.listFailedSince.all(toIso(since)) as Row[];
      return rows.map((row) => toMeeting(row, sql.selectAttendees.all(row.tenant_id, row.id)));
    },
    async findByGraphEventId(tenantId, graphEventId) {
      const row = sql.findByGraphEventId.get({ tenantId, graphEventId }) as Row | undefined;
      return row ? toMeeting(row, sql.selectAttendees.all(tenantId, row.id)) : undefined;
    },
    async countMeetingsByUserAndDay(tenantId, userIds, window) {
      const rows = sql.listScheduledFor.all({
        tenantId,
        userIds: JSON.stringify(userIds),
        start: toIso(window.start),
        end: toIso(window.end),
      }) as (Row & { participant_id: string })[];
      // One row per (meeting, participant): expand each meeting once, however many of the users it involves.
      const timesByMeeting = new Map<string, ReturnType<typeof listOccurrenceTimes>>();
      const timesOf = (row: Row) => {
        let times = timesByMeeting.get(row.id);
        if (!times) {
          const meeting = toMeeting(row, []);
          const overrides = meeting.recurrence ? readOccurrences(tenantId, meeting.id) : [];
          times = listOccurrenceTimes(meeting, overrides).filter((time) => overlaps(time, window));
          timesByMeeting.set(row.id, times);
        }
        return times;
      };
      const intervals = rows.flatMap((row) =>
        timesOf(row).map((time) => ({
          userId: row.participant_id,
          start: new Date(time.start),
          end: new Date(time.end),
        })),
      );
      return sortIntervals(intervals);
    },
    async listEndingBetween(from, to, options) {
      assertLimit(options.limit, 'meetings');
      const rows = sql.listEndingBetween.all({
        from: toIso(from),
        to: toIso(to),
        afterTenant: options.after?.tenantId ?? null,
        afterId: options.after?.meetingId ?? null,
        limit: options.limit,
      }) as Row[];
      return rows.map((row) => toMeeting(row, sql.selectAttendees.all(row.tenant_id, row.id)));
    },
    async upsertOccurrence(tenantId, override) {
      try {
        upsertOccurrence(tenantId, override);
      } catch (error) {
        translateConstraint(error, 'meeting_occurrences', { tenantId, meetingId: override.meetingId });
      }
    },
    async listOccurrences(tenantId, meetingId) {
      return readOccurrences(tenantId, meetingId);
    },
  };
}

function missingMeeting(tenantId: string, meetingId: string) {
  return storeError(
    { reason: 'missing_parent', table: 'meeting_occurrences', key: { tenantId, meetingId } },
    `Meeting ${meetingId} does not exist in this tenant`,
  );
}
