import type { SqliteDatabase } from './database.ts';

const MEETING_COLUMNS = `tenant_id, id, organizer_id, organizer_email, organizer_name, type_id, title, agenda, start_utc,
  end_utc, time_zone, recurrence_json, online, location, status, transaction_id, graph_event_id, ical_uid, change_key,
  join_url, version, created_at, updated_at, outlook_subject`;

const M_COLUMNS = MEETING_COLUMNS.replace(/(\w+)/g, 'm.$1');

/*
 * Parameters compared with `=` in a statement that also sorts, and a bound LIMIT, are written `+@name` / `+?`
 * (SQLite's unary plus: the same value, the same plan and index use). SQLite 3.54 otherwise marks such a parameter
 * as one whose value may change the plan, and compiles the statement again every time a value is bound to it,
 * which cost more than the meeting reads' own work.
 */

/**
 * Meetings where the user organizes or attends, overlapping the optional window, with optional statuses: found by
 * the user's meetings as organizer (meetings_by_organizer) and as attendee (meeting_attendees_by_user), so the cost
 * follows the user's meetings, not the tenant's.
 */
const LIST_FOR_USER = `
  SELECT ${M_COLUMNS} FROM meetings m
  WHERE m.tenant_id = +@tenantId
    AND m.id IN (
      SELECT id FROM meetings INDEXED BY meetings_by_organizer
      WHERE tenant_id = +@tenantId AND organizer_id = +@userId
      UNION
      SELECT meeting_id FROM meeting_attendees INDEXED BY meeting_attendees_by_user
      WHERE tenant_id = +@tenantId AND user_id = +@userId)
    AND (@from IS NULL OR m.span_end_utc > @from)
    AND (@to IS NULL OR m.span_start_utc < @to)
    AND (@statuses IS NULL OR m.status IN (SELECT value FROM json_each(@statuses)))`;

/** Prepared once per database: each statement is compiled a single time and reused for every call. */
export function prepareMeetingStatements(db: SqliteDatabase) {
  return {
    insertMeeting: db.prepare(`
      INSERT INTO meetings (${MEETING_COLUMNS}, span_start_utc, span_end_utc)
      VALUES (@tenantId, @id, @organizerId, @organizerEmail, @organizerName, @typeId, @title, @agenda, @start, @end,
        @timeZone, @recurrence, @online, @location, @status, @transactionId, @graphEventId, @iCalUId, @changeKey,
        @joinUrl, @version, @createdAt, @updatedAt, @outlookSubject, @spanStart, @spanEnd)`),
    updateMeeting: db.prepare(`
      UPDATE meetings SET organizer_id = @organizerId, organizer_email = @organizerEmail,
        organizer_name = @organizerName, type_id = @typeId, title = @title, agenda = @agenda, start_utc = @start,
        end_utc = @end, time_zone = @timeZone, recurrence_json = @recurrence, online = @online, location = @location,
        status = @status, graph_event_id = @graphEventId, ical_uid = @iCalUId, change_key = @changeKey,
        join_url = @joinUrl, version = @version, updated_at = @updatedAt, outlook_subject = @outlookSubject,
        span_start_utc = @spanStart,
        span_end_utc = @spanEnd
      WHERE tenant_id = @tenantId AND id = @id AND version = @expectedVersion`),
    insertAttendee: db.prepare(`
      INSERT INTO meeting_attendees (tenant_id, meeting_id, position, email, user_id, display_name, type, response,
        responded_at, proposed_start, proposed_end, added_in_outlook)
      VALUES (@tenantId, @meetingId, @position, @email, @userId, @displayName, @type, @response, @respondedAt,
        @proposedStart, @proposedEnd, @addedInOutlook)`),
    deleteAttendees: db.prepare('DELETE FROM meeting_attendees WHERE tenant_id = ? AND meeting_id = ?'),
    selectMeeting: db.prepare(`SELECT ${MEETING_COLUMNS} FROM meetings WHERE tenant_id = ? AND id = ?`),
    selectAttendees: db.prepare(
      'SELECT * FROM meeting_attendees WHERE tenant_id = +? AND meeting_id = +? ORDER BY position',
    ),
    selectAttendeesOf: db.prepare(`
      SELECT * FROM meeting_attendees
      WHERE tenant_id = +? AND meeting_id IN (SELECT value FROM json_each(?)) ORDER BY meeting_id, position`),
    listForUserAsc: db.prepare(`${LIST_FOR_USER} ORDER BY m.start_utc ASC, m.id ASC LIMIT +@limit`),
    listForUserDesc: db.prepare(`${LIST_FOR_USER} ORDER BY m.start_utc DESC, m.id DESC LIMIT +@limit`),
    listCreating: db.prepare(`
      SELECT ${MEETING_COLUMNS} FROM meetings WHERE status = 'creating' AND created_at < ?
      ORDER BY created_at, tenant_id, id`),
    listActiveOrganizers: db.prepare(`
      SELECT DISTINCT tenant_id, organizer_id FROM meetings WHERE status = 'scheduled' AND span_end_utc > ?
      ORDER BY tenant_id, organizer_id`),
    listFailedSince: db.prepare(`
      SELECT ${MEETING_COLUMNS} FROM meetings WHERE status = 'failed' AND created_at >= ?
      ORDER BY created_at, tenant_id, id`),
    // By the Graph event indexes (forced: without them SQLite walks the tenant's rows in key order to skip a sort
    // of what is one row), so a notification's look-up costs the same in a tenant of any size.
    findByGraphEventId: db.prepare(`
      SELECT ${MEETING_COLUMNS} FROM meetings WHERE tenant_id = @tenantId AND id = COALESCE(
        (SELECT id FROM meetings INDEXED BY meetings_by_graph_event
          WHERE tenant_id = @tenantId AND graph_event_id = @graphEventId ORDER BY id LIMIT 1),
        (SELECT meeting_id FROM meeting_occurrences INDEXED BY meeting_occurrences_by_graph_event
          WHERE tenant_id = @tenantId AND graph_event_id = @graphEventId ORDER BY meeting_id LIMIT 1))`),
    // Driven by the people asked about (CROSS JOIN fixes SQLite's join order): their meetings as organizer by
    // meetings_by_organizer, as attendee by meeting_attendees_by_user, then each meeting by its key. The cost
    // follows those people's meetings, not the tenant's.
    listScheduledFor: db.prepare(`
      SELECT ${M_COLUMNS}, p.user_id AS participant_id FROM (
        SELECT o.id AS meeting_id, o.organizer_id AS user_id
        FROM json_each(@userIds) u CROSS JOIN meetings o INDEXED BY meetings_by_organizer
        WHERE o.tenant_id = +@tenantId AND o.organizer_id = u.value AND o.span_start_utc < @end
        UNION
        SELECT a.meeting_id, a.user_id
        FROM json_each(@userIds) u CROSS JOIN meeting_attendees a INDEXED BY meeting_attendees_by_user
        WHERE a.tenant_id = +@tenantId AND a.user_id = u.value AND a.response <> 'declined'
      ) p
      CROSS JOIN meetings m
      WHERE m.tenant_id = +@tenantId AND m.id = p.meeting_id AND m.status = 'scheduled'
        AND m.span_start_utc < @end AND m.span_end_utc > @start
      ORDER BY m.start_utc, m.id, p.user_id`),
    // Single meetings ending in the window (meetings_single_by_end) and series whose span reaches into it
    // (meetings_series_by_span_end: every series not over yet), after the given meeting in (tenant, id) order.
    listEndingBetween: db.prepare(`
      SELECT ${MEETING_COLUMNS} FROM (
        SELECT ${MEETING_COLUMNS} FROM meetings INDEXED BY meetings_single_by_end
        WHERE status = 'scheduled' AND recurrence_json IS NULL AND end_utc >= @from AND end_utc < @to
          AND (@afterTenant IS NULL OR tenant_id > @afterTenant OR (tenant_id = @afterTenant AND id > @afterId))
        UNION ALL
        SELECT ${MEETING_COLUMNS} FROM meetings INDEXED BY meetings_series_by_span_end
        WHERE status = 'scheduled' AND recurrence_json IS NOT NULL AND span_end_utc >= @from AND span_start_utc < @to
          AND (@afterTenant IS NULL OR tenant_id > @afterTenant OR (tenant_id = @afterTenant AND id > @afterId)))
      ORDER BY tenant_id, id LIMIT +@limit`),
    upsertOccurrence: db.prepare(`
      INSERT INTO meeting_occurrences (tenant_id, meeting_id, original_start, start_utc, end_utc, cancelled,
        graph_event_id)
      VALUES (@tenantId, @meetingId, @originalStart, @start, @end, @cancelled, @graphEventId)
      ON CONFLICT (tenant_id, meeting_id, original_start) DO UPDATE SET start_utc = excluded.start_utc,
        end_utc = excluded.end_utc, cancelled = excluded.cancelled, graph_event_id = excluded.graph_event_id`),
    updateSpan: db.prepare(`
      UPDATE meetings SET span_start_utc = @spanStart, span_end_utc = @spanEnd WHERE tenant_id = @tenantId AND id = @id`),
    selectOccurrences: db.prepare(`
      SELECT meeting_id, original_start, start_utc, end_utc, cancelled, graph_event_id FROM meeting_occurrences
      WHERE tenant_id = +? AND meeting_id = +? ORDER BY original_start`),
  };
}
