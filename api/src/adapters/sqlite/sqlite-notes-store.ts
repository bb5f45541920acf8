import type { MeetingAction, MeetingNote, NotesStore } from '../../ports/notes-store.ts';
import { actionFromRow, actionRowSchema, noteFromRow, noteRowSchema } from '../store-rows/notes-rows.ts';
import type { SqliteDatabase } from './database.ts';
import { parseRow, sqliteColumns, toIso, translateConstraint } from './row-codec.ts';
import { prepareNotesStatements } from './sqlite-notes-statements.ts';

const noteRow = noteRowSchema(sqliteColumns);
const actionRow = actionRowSchema(sqliteColumns);

/**
 * Notes and actions, owned by Confer and kept whatever happens to the Outlook event. A note is changed or
 * deleted only by its author; someone else's private note is never read back.
 */
export function createSqliteNotesStore(db: SqliteDatabase): NotesStore {
  const sql = prepareNotesStatements(db);

  return {
    async listNotes(tenantId, meetingId, viewerId) {
      return sql.selectNotes.all(tenantId, meetingId, viewerId).map((row) => toNote(row, tenantId));
    },
    async saveNote(tenantId, note, expectedVersion) {
      const params = noteParams(tenantId, note, expectedVersion);
      try {
        const statement = expectedVersion === null ? sql.insertNote : sql.updateNote;
        return statement.run(params).changes === 1;
      } catch (error) {
        translateConstraint(error, 'meeting_notes', { tenantId, noteId: note.id, meetingId: note.meetingId });
      }
    },
    async deleteNote(tenantId, meetingId, noteId, authorId) {
      return sql.deleteNote.run(tenantId, meetingId, noteId, authorId).changes === 1;
    },
    async listActions(tenantId, meetingId) {
      return sql.selectActions.all(tenantId, meetingId).map((row) => toAction(row, tenantId));
    },
    async saveAction(tenantId, action, expectedVersion) {
      const params = actionParams(tenantId, action, expectedVersion);
      try {
        const statement = expectedVersion === null ? sql.insertAction : sql.updateAction;
        return statement.run(params).changes === 1;
      } catch (error) {
        translateConstraint(error, 'meeting_actions', { tenantId, actionId: action.id, meetingId: action.meetingId });
      }
    },
    async deleteAction(tenantId, meetingId, actionId) {
      return sql.deleteAction.run(tenantId, meetingId, actionId).changes === 1;
    },
  };
}

/** Insert keeps the version given; an update stores `expectedVersion + 1`. */
function noteParams(tenantId: string, note: MeetingNote, expectedVersion: number | null) {
  return {
    tenantId,
    id: note.id,
    meetingId: note.meetingId,
    occurrenceStart: toIso(note.occurrenceStart),
    authorId: note.authorId,
    visibility: note.visibility,
    body: note.body,
    updatedAt: toIso(note.updatedAt),
    version: expectedVersion === null ? note.version : expectedVersion + 1,
    expectedVersion,
  };
}

function actionParams(tenantId: string, action: MeetingAction, expectedVersion: number | null) {
  return {
    tenantId,
    id: action.id,
    meetingId: action.meetingId,
    occurrenceStart: toIso(action.occurrenceStart),
    title: action.title,
    ownerEmail: action.ownerEmail,
    ownerName: action.ownerName,
    dueDate: action.dueDate,
    done: action.done ? 1 : 0,
    doneAt: toIso(action.doneAt),
    createdBy: action.createdBy,
    createdAt: toIso(action.createdAt),
    version: expectedVersion === null ? action.version : expectedVersion + 1,
    expectedVersion,
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
