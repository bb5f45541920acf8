/*
 * The PostgreSQL notes store's statements. Every update and delete matches the meeting as well as the id (a record
 * is only reached through its own meeting), the stored version (optimistic) and, for notes, the author. Due dates
 * are read as YYYY-MM-DD text, as the port carries them (the driver would make a local midnight of a date).
 */

const NOTE_COLUMNS = 'id, meeting_id, occurrence_start, author_id, visibility, body, updated_at, version';
const ACTION_COLUMNS = `id, meeting_id, occurrence_start, title, owner_email, owner_name,
  to_char(due_date, 'YYYY-MM-DD') AS due_date, done, done_at, created_by, created_at, version`;

export const notesSql = {
  // Whole-meeting notes first, then by occurrence; ids in byte order, as SQLite sorts text.
  selectNotes: `
    SELECT ${NOTE_COLUMNS} FROM meeting_notes
    WHERE tenant_id = $1 AND meeting_id = $2 AND (visibility = 'shared' OR author_id = $3)
    ORDER BY occurrence_start IS NOT NULL, occurrence_start, updated_at, id COLLATE "C"`,
  insertNote: `
    INSERT INTO meeting_notes (tenant_id, ${NOTE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
    ON CONFLICT (tenant_id, id) DO NOTHING`,
  updateNote: `
    UPDATE meeting_notes SET occurrence_start = $4, visibility = $6, body = $7, updated_at = $8, version = $9
    WHERE tenant_id = $1 AND id = $2 AND meeting_id = $3 AND author_id = $5 AND version = $10`,
  deleteNote: 'DELETE FROM meeting_notes WHERE tenant_id = $1 AND meeting_id = $2 AND id = $3 AND author_id = $4',
  selectActions: `
    SELECT ${ACTION_COLUMNS} FROM meeting_actions WHERE tenant_id = $1 AND meeting_id = $2
    ORDER BY created_at, id COLLATE "C"`,
  insertAction: `
    INSERT INTO meeting_actions (tenant_id, id, meeting_id, occurrence_start, title, owner_email, owner_name,
      due_date, done, done_at, created_by, created_at, version)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
    ON CONFLICT (tenant_id, id) DO NOTHING`,
  // The creator and creation time stay as first saved.
  updateAction: `
    UPDATE meeting_actions SET occurrence_start = $4, title = $5, owner_email = $6, owner_name = $7, due_date = $8,
      done = $9, done_at = $10, version = $11
    WHERE tenant_id = $1 AND id = $2 AND meeting_id = $3 AND version = $12`,
  deleteAction: 'DELETE FROM meeting_actions WHERE tenant_id = $1 AND meeting_id = $2 AND id = $3',
};
