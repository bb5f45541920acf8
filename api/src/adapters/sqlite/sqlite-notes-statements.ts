import type { SqliteDatabase } from './database.ts';

/**
 * Prepared once per database. Every update and delete matches the meeting as well as the id (a record is only
 * reached through its own meeting), updates the stored version (optimistic) and, for notes, the author.
 */
export function prepareNotesStatements(db: SqliteDatabase) {
  return {
    selectNotes: db.prepare(`
      SELECT * FROM meeting_notes
      WHERE tenant_id = ? AND meeting_id = ? AND (visibility = 'shared' OR author_id = ?)
      ORDER BY occurrence_start IS NOT NULL, occurrence_start, updated_at, id`),
    insertNote: db.prepare(`
      INSERT INTO meeting_notes (tenant_id, id, meeting_id, occurrence_start, author_id, visibility, body, updated_at,
        version)
      VALUES (@tenantId, @id, @meetingId, @occurrenceStart, @authorId, @visibility, @body, @updatedAt, @version)
      ON CONFLICT (tenant_id, id) DO NOTHING`),
    updateNote: db.prepare(`
      UPDATE meeting_notes SET occurrence_start = @occurrenceStart, visibility = @visibility, body = @body,
        updated_at = @updatedAt, version = @version
      WHERE tenant_id = @tenantId AND id = @id AND meeting_id = @meetingId AND author_id = @authorId
        AND version = @expectedVersion`),
    deleteNote: db.prepare(
      'DELETE FROM meeting_notes WHERE tenant_id = ? AND meeting_id = ? AND id = ? AND author_id = ?',
    ),
    selectActions: db.prepare(`
      SELECT * FROM meeting_actions WHERE tenant_id = ? AND meeting_id = ?
      ORDER BY created_at, id`),
    insertAction: db.prepare(`
      INSERT INTO meeting_actions (tenant_id, id, meeting_id, occurrence_start, title, owner_email, owner_name,
        due_date, done, done_at, created_by, created_at, version)
      VALUES (@tenantId, @id, @meetingId, @occurrenceStart, @title, @ownerEmail, @ownerName, @dueDate, @done, @doneAt,
        @createdBy, @createdAt, @version)
      ON CONFLICT (tenant_id, id) DO NOTHING`),
    updateAction: db.prepare(`
      UPDATE meeting_actions SET occurrence_start = @occurrenceStart, title = @title, owner_email = @ownerEmail,
        owner_name = @ownerName, due_date = @dueDate, done = @done, done_at = @doneAt, version = @version
      WHERE tenant_id = @tenantId AND id = @id AND meeting_id = @meetingId AND version = @expectedVersion`),
    deleteAction: db.prepare('DELETE FROM meeting_actions WHERE tenant_id = ? AND meeting_id = ? AND id = ?'),
  };
}
