import { z } from 'zod';
import type { MeetingAction, MeetingNote, NotesStore } from '../../ports/notes-store.ts';
import { parseRow } from '../sqlite/row-codec.ts';
import { storeError } from '../sqlite/store-errors.ts';
import type { PgDatabase } from './pg-database.ts';
import { notesSql as sql } from './pg-notes-store-sql.ts';

const noteRow = z.object({
  id: z.string(),
  meeting_id: z.string(),
  occurrence_start: z.date().nullable(),
  author_id: z.string(),
  visibility: z.enum(['private', 'shared']),
  body: z.string(),
  updated_at: z.date(),
  version: z.number().int(),
});

const actionRow = z.object({
  id: z.string(),
  meeting_id: z.string(),
  occurrence_start: z.date().nullable(),
  title: z.string(),
  owner_email: z.string(),
  owner_name: z.string(),
  due_date: z.iso.date().nullable(),
  done: z.boolean(),
  done_at: z.date().nullable(),
  created_by: z.string(),
  created_at: z.date(),
  version: z.number().int(),
});

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
