import { ATTENDEE_COLUMNS, MEETING_COLUMNS, type MeetingColumn, OCCURRENCE_COLUMNS } from './pg-meeting-rows.ts';

/*
 * The PostgreSQL meeting store's statements. Text is ordered `COLLATE "C"` (byte order) wherever SQLite orders it,
 * so both stores list ties the same way.
 */

const M_COLUMNS = MEETING_COLUMNS.replace(/(\w+)/g, 'm.$1');

/** Every column of a new meeting, in the order its values are bound. */
export const INSERTED: readonly MeetingColumn[] = [
  'tenant_id',
  'id',
  'organizer_id',
  'organizer_email',
  'organizer_name',
  'type_id',
  'title',
  'agenda',
  'start_utc',
  'end_utc',
  'time_zone',
  'recurrence_json',
  'online',
  'location',
  'status',
  'transaction_id',
  'graph_event_id',
  'ical_uid',
  'change_key',
  'join_url',
  'version',
  'created_at',
  'updated_at',
  'outlook_subject',
  'span_start_utc',
  'span_end_utc',
];

/** What an update writes: all but the key, and the transaction id and creation time, which stay (as in SQLite). */
export const UPDATED: readonly MeetingColumn[] = INSERTED.filter(
  (column) => !['tenant_id', 'id', 'transaction_id', 'created_at'].includes(column),
);

export const meetingSql = {
  insertMeeting: `
    INSERT INTO meetings (${INSERTED.join(', ')})
    VALUES (${INSERTED.map((_, i) => `$${i + 1}`).join(', ')})`,
  // $1 tenant, $2 id, then the UPDATED columns' values, then the version the caller read.
  updateMeeting: `
    UPDATE meetings SET ${UPDATED.map((column, i) => `${column} = $${i + 3}`).join(', ')}
    WHERE tenant_id = $1 AND id = $2 AND version = $${UPDATED.length + 3}`,
  // Taken first by every write that derives the span from the occurrences: an update and an occurrence change of
  // one meeting then run one after the other, each reading what the other committed. NO KEY: history and notes
  // of the meeting (whose foreign keys only share-lock its key) are still written meanwhile.
  lockMeeting: `SELECT ${MEETING_COLUMNS} FROM meetings WHERE tenant_id = $1 AND id = $2 FOR NO KEY UPDATE`,
  // Positions from 0 in the given order, one statement: a broken row refuses them all.
  insertAttendees: `
    INSERT INTO meeting_attendees (tenant_id, meeting_id, position, email, user_id, display_name, type, response,
      responded_at, proposed_start, proposed_end, added_in_outlook)
    SELECT $1, $2, ordinality - 1, email, user_id, display_name, type, response, responded_at, proposed_start,
      proposed_end, added_in_outlook
    FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[], $9::timestamptz[],
      $10::timestamptz[], $11::boolean[]) WITH ORDINALITY AS a (email, user_id, display_name, type, response,
      responded_at, proposed_start, proposed_end, added_in_outlook, ordinality)`,
  deleteAttendees: 'DELETE FROM meeting_attendees WHERE tenant_id = $1 AND meeting_id = $2',
  selectMeeting: `SELECT ${MEETING_COLUMNS} FROM meetings WHERE tenant_id = $1 AND id = $2`,
  selectAttendees: `
    SELECT ${ATTENDEE_COLUMNS} FROM meeting_attendees WHERE tenant_id = $1 AND meeting_id = $2 ORDER BY position`,
  // The attendees of many meetings (of any tenants) at once, by the (tenant, meeting) pairs.
  selectAttendeesOf: `
    SELECT ${ATTENDEE_COLUMNS} FROM meeting_attendees
    WHERE (tenant_id, meeting_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))
    ORDER BY tenant_id, meeting_id, position`,
  listCreating: `
    SELECT ${MEETING_COLUMNS} FROM meetings WHERE status = 'creating' AND created_at < $1
    ORDER BY created_at, tenant_id COLLATE "C", id COLLATE "C"`,
  listActiveOrganizers: `
    SELECT DISTINCT tenant_id COLLATE "C" AS tenant_id, organizer_id COLLATE "C" AS organizer_id FROM meetings
    WHERE status = 'scheduled' AND span_end_utc > $1
    ORDER BY 1, 2`,
  listFailedSince: `
    SELECT ${MEETING_COLUMNS} FROM meetings WHERE status = 'failed' AND created_at >= $1
    ORDER BY created_at, tenant_id COLLATE "C", id COLLATE "C"`,
  findByGraphEventId: `
    SELECT ${MEETING_COLUMNS} FROM meetings WHERE tenant_id = $1 AND id = COALESCE(
      (SELECT id FROM meetings WHERE tenant_id = $1 AND graph_event_id = $2 ORDER BY id COLLATE "C" LIMIT 1),
      (SELECT meeting_id FROM meeting_occurrences WHERE tenant_id = $1 AND graph_event_id = $2
        ORDER BY meeting_id COLLATE "C" LIMIT 1))`,
  // One row per (meeting, participant) among the people asked about, found by their meetings as organizer
  // (meetings_by_organizer) and as attendee (meeting_attendees_by_user): the cost follows their meetings.
  listScheduledFor: `
    SELECT ${M_COLUMNS}, p.user_id AS participant_id FROM (
      SELECT o.id AS meeting_id, o.organizer_id AS user_id FROM meetings o
      WHERE o.tenant_id = $1 AND o.organizer_id = ANY ($2::text[]) AND o.span_start_utc < $4
      UNION
      SELECT a.meeting_id, a.user_id FROM meeting_attendees a
      WHERE a.tenant_id = $1 AND a.user_id = ANY ($2::text[]) AND a.response <> 'declined'
    ) p
    JOIN meetings m ON m.tenant_id = $1 AND m.id = p.meeting_id
    WHERE m.status = 'scheduled' AND m.span_start_utc < $4 AND m.span_end_utc > $3
    ORDER BY m.start_utc, m.id COLLATE "C", p.user_id COLLATE "C"`,
  // Single meetings ending in the window (meetings_single_by_end) and series whose span reaches into it
  // (meetings_series_by_span_end: every series not over yet), after the given meeting in (tenant, id) byte order.
  listEndingBetween: `
    SELECT ${MEETING_COLUMNS} FROM (
      SELECT ${MEETING_COLUMNS} FROM meetings
      WHERE status = 'scheduled' AND recurrence_json IS NULL AND end_utc >= $1 AND end_utc < $2
      UNION ALL
      SELECT ${MEETING_COLUMNS} FROM meetings
      WHERE status = 'scheduled' AND recurrence_json IS NOT NULL AND span_end_utc >= $1 AND span_start_utc < $2
    ) m
    WHERE $3::text IS NULL OR tenant_id COLLATE "C" > $3
      OR (tenant_id = $3 AND id COLLATE "C" > $4::text)
    ORDER BY tenant_id COLLATE "C", id COLLATE "C" LIMIT $5`,
  upsertOccurrence: `
    INSERT INTO meeting_occurrences (tenant_id, meeting_id, original_start, start_utc, end_utc, cancelled,
      graph_event_id)
    VALUES ($1, $2, $3, $4, $5, $6, $7)
    ON CONFLICT (tenant_id, meeting_id, original_start) DO UPDATE SET start_utc = excluded.start_utc,
      end_utc = excluded.end_utc, cancelled = excluded.cancelled, graph_event_id = excluded.graph_event_id`,
  updateSpan: 'UPDATE meetings SET span_start_utc = $3, span_end_utc = $4 WHERE tenant_id = $1 AND id = $2',
  selectOccurrences: `
    SELECT ${OCCURRENCE_COLUMNS} FROM meeting_occurrences WHERE tenant_id = $1 AND meeting_id = $2
    ORDER BY original_start`,
  selectOccurrencesOf: `
    SELECT ${OCCURRENCE_COLUMNS} FROM meeting_occurrences WHERE tenant_id = $1 AND meeting_id = ANY ($2::text[])
    ORDER BY meeting_id, original_start`,
};

/**
 * Meetings where the user organizes or attends, overlapping the optional window, with optional statuses; only the
 * filters set are written (so each shape is planned for its own indexes), their values bound after $1 tenant,
 * $2 user and $3 limit.
 */
export function listForUserSql(options: {
  from?: Date | undefined;
  to?: Date | undefined;
  statuses?: readonly string[] | undefined;
  order: 'asc' | 'desc';
}): { sql: string; filterParams: unknown[] } {
  const filterParams: unknown[] = [];
  // Numbered after the three fixed parameters.
  const bind = (value: unknown) => `$${filterParams.push(value) + 3}`;
  const filters: string[] = [];
  if (options.from) filters.push(`AND m.span_end_utc > ${bind(options.from)}`);
  if (options.to) filters.push(`AND m.span_start_utc < ${bind(options.to)}`);
  if (options.statuses) filters.push(`AND m.status = ANY (${bind(options.statuses)}::text[])`);
  const direction = options.order === 'asc' ? 'ASC' : 'DESC';
  const sql = `
    SELECT ${M_COLUMNS} FROM meetings m
    WHERE m.tenant_id = $1
      AND m.id IN (
        SELECT id FROM meetings WHERE tenant_id = $1 AND organizer_id = $2
        UNION
        SELECT meeting_id FROM meeting_attendees WHERE tenant_id = $1 AND user_id = $2)
      ${filters.join(' ')}
    ORDER BY m.start_utc ${direction}, m.id COLLATE "C" ${direction} LIMIT $3`;
  return { sql, filterParams };
}
