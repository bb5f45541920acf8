import { z } from 'zod';
import type { MeetingAction, MeetingNote, NotesStore } from '../../ports/notes-store.ts';
import type { SqliteDatabase } from './database.ts';
import { isoDate, nullableIsoDate, parseRow, sqliteBoolean, toIso, translateConstraint } from './row-codec.ts';
import { prepareNotesStatements } from './sqlite-notes-statements.ts';

const noteRow = z.object({
  id: z.string(),
  meeting_id: z.string(),
  occurrence_start: nullableIsoDate,
  author_id: z.string(),
  visibility: z.enum(['private', 'shared']),
  body: z.string(),
  updated_at: isoDate,
  version: z.number().int(),
});

const actionRow = z.object({
  id: z.string(),
  meeting_id: z.string(),
  occurrence_start: nullableIsoDate,
  title: z.string(),
  owner_email: z.string(),
  owner_name: z.string(),
  due_date: z.iso.date().nullable(),
  done: sqliteBoolean,
  done_at: nullableIsoDate,
  created_by: z.string(),
  created_at: isoDate,
  version: z.number().int(),
});

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
  const n = parseRow(noteRow, row, { table: 'meeting_notes', key: { tenantId, noteId } });
  return {
    id: n.id,
    meetingId: n.meeting_id,
    occurrenceStart: n.occurrence_start,
    authorId: n.author_id,
    visibility: n.visibility,
    body: n.body,
    updatedAt: n.updated_at,
    version: n.version,
  };
}

function toAction(row: unknown, tenantId: string): MeetingAction {
  const actionId = (row as { id?: unknown }).id;
  const a = parseRow(actionRow, row, { table: 'meeting_actions', key: { tenantId, actionId } });
  return {
    id: a.id,
    meetingId: a.meeting_id,
    occurrenceStart: a.occurrence_start,
    title: a.title,
    ownerEmail: a.owner_email,
    ownerName: a.owner_name,
    dueDate: a.due_date,
    done: a.done,
    doneAt: a.done_at,
    createdBy: a.created_by,
    createdAt: a.created_at,
    version: a.version,
  };
}
