import type { MeetingAction, MeetingNote, NotesStore } from '../../ports/notes-store.ts';
import { parseRow } from '../sqlite/row-codec.ts';
import { storeError } from '../sqlite/store-errors.ts';
import { actionFromRow, actionRowSchema, noteFromRow, noteRowSchema } from '../store-rows/notes-rows.ts';
import type { PgDatabase } from './pg-database.ts';
import { notesSql as sql } from './pg-notes-store-sql.ts';
import { pgColumns } from './pg-row-codec.ts';

const noteRow = noteRowSchema(pgColumns);
const actionRow = actionRowSchema(pgColumns);

/**
 * The due date form the SQLite store's CHECK allows. A date column alone would also take other forms ('today',
 * '20261130') and store a day the caller never wrote.
 */
const DUE_DATE = /^\d{4}-[01]\d-[0-3]\d$/;

/**
 * Notes and actions, owned by Confer and kept whatever happens to the Outlook event. A note is changed or
 * deleted only by its author; someone else's private note is never read back.
 */
export function createPostgresNotesStore(db: PgDatabase): NotesStore {
  return {
    async listNotes(tenantId, meetingId, viewerId) {
      return (await db.query(sql.selectNotes, [tenantId, meetingId, viewerId])).map((row) => toNote(row, tenantId));
    },
    async saveNote(tenantId, note, expectedVersion) {
      const params = [
        tenantId,
        note.id,
        note.meetingId,
        note.occurrenceStart,
        note.authorId,
        note.visibility,
        note.body,
        note.updatedAt,
      ];
      if (expectedVersion === null) return (await db.execute(sql.insertNote, [...params, note.version])) === 1;
      return (await db.execute(sql.updateNote, [...params, expectedVersion + 1, expectedVersion])) === 1;
    },
    async deleteNote(tenantId, meetingId, noteId, authorId) {
      return (await db.execute(sql.deleteNote, [tenantId, meetingId, noteId, authorId])) === 1;
    },
    async listActions(tenantId, meetingId) {
      return (await db.query(sql.selectActions, [tenantId, meetingId])).map((row) => toAction(row, tenantId));
    },
    async saveAction(tenantId, action, expectedVersion) {
      if (action.dueDate !== null && !DUE_DATE.test(action.dueDate)) {
        throw storeError(
          { reason: 'constraint', table: 'meeting_actions', key: { tenantId, actionId: action.id } },
          `Due date of action ${action.id} must be YYYY-MM-DD`,
        );
      }
      const params = [
        tenantId,
        action.id,
        action.meetingId,
        action.occurrenceStart,
        action.title,
        action.ownerEmail,
        action.ownerName,
        action.dueDate,
        action.done,
        action.doneAt,
      ];
      if (expectedVersion === null) {
        const inserted = [...params, action.createdBy, action.createdAt, action.version];
        return (await db.execute(sql.insertAction, inserted)) === 1;
      }
      return (await db.execute(sql.updateAction, [...params, expectedVersion + 1, expectedVersion])) === 1;
    },
    async deleteAction(tenantId, meetingId, actionId) {
      return (await db.execute(sql.deleteAction, [tenantId, meetingId, actionId])) === 1;
    },
  };
}

function toNote(row: unknown, tenantId: string): MeetingNote {
  const noteId = (row as { id?: unknown }).id;
  return noteFromRow(parseRow(noteRow, row, { table: 'meeting_notes', key: { tenantId, noteId } }));
}

function toAction(row: unknown, tenantId: string): MeetingAction {
  const actionId = (row as { id?: unknown }).id;
  return actionFromRow(parseRow(actionRow, row, { table: 'meeting_actions', key: { tenantId, actionId } }));
}
