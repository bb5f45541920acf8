import type { MeetingNote, NotesStore } from '../../ports/notes-store.ts';
import { type StoreFailure, storeError } from '../sqlite/store-errors.ts';
import { compareText, copy, keyOf, type MemoryState } from './memory-state.ts';

const DUE_DATE = /^\d{4}-[01]\d-[0-3]\d$/;

/** The in-memory NotesStore: author-only edits, private notes only for their author, optimistic versions. */
export function createMemoryNotesStore(state: MemoryState): NotesStore {
  const requireMeeting = (tenantId: string, meetingId: string, table: string) => {
    if (!state.meetings.has(keyOf(tenantId, meetingId))) {
      throw failure('missing_parent', table, tenantId, meetingId, `Meeting ${meetingId} does not exist in this tenant`);
    }
  };

  return {
    async listNotes(tenantId, meetingId, viewerId) {
      return [...state.notes.values()]
        .filter(({ tenantId: t, note }) => t === tenantId && note.meetingId === meetingId)
        .map(({ note }) => note)
        .filter((note) => note.visibility === 'shared' || note.authorId === viewerId)
        .sort(compareNotes)
        .map(copy);
    },
    async saveNote(tenantId, note, expectedVersion) {
      if (note.visibility !== 'private' && note.visibility !== 'shared') {
        throw failure('constraint', 'meeting_notes', tenantId, note.meetingId, 'Unknown note visibility');
      }
      const key = keyOf(tenantId, note.id);
      const stored = state.notes.get(key)?.note;
      if (expectedVersion === null) {
        requireMeeting(tenantId, note.meetingId, 'meeting_notes');
        if (stored) return false;
        state.notes.set(key, { tenantId, note: copy(note) });
        return true;
      }
      if (!stored || stored.version !== expectedVersion) return false;
      if (stored.meetingId !== note.meetingId || stored.authorId !== note.authorId) return false;
      state.notes.set(key, { tenantId, note: { ...copy(note), version: expectedVersion + 1 } });
      return true;
    },
    async deleteNote(tenantId, meetingId, noteId, authorId) {
      const key = keyOf(tenantId, noteId);
      const stored = state.notes.get(key)?.note;
      if (stored?.meetingId !== meetingId || stored.authorId !== authorId) return false;
      return state.notes.delete(key);
    },
    async listActions(tenantId, meetingId) {
      return [...state.actions.values()]
        .filter(({ tenantId: t, action }) => t === tenantId && action.meetingId === meetingId)
        .map(({ action }) => action)
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || compareText(a.id, b.id))
        .map(copy);
    },
    async saveAction(tenantId, action, expectedVersion) {
      if (action.dueDate !== null && !DUE_DATE.test(action.dueDate)) {
        throw failure('constraint', 'meeting_actions', tenantId, action.meetingId, 'Due date must be YYYY-MM-DD');
      }
      const key = keyOf(tenantId, action.id);
      const stored = state.actions.get(key)?.action;
      if (expectedVersion === null) {
        requireMeeting(tenantId, action.meetingId, 'meeting_actions');
        if (stored) return false;
        state.actions.set(key, { tenantId, action: copy(action) });
        return true;
      }
      if (!stored || stored.version !== expectedVersion || stored.meetingId !== action.meetingId) return false;
      const { createdBy, createdAt } = stored;
      state.actions.set(key, {
        tenantId,
        action: { ...copy(action), createdBy, createdAt, version: expectedVersion + 1 },
      });
      return true;
    },
    async deleteAction(tenantId, meetingId, actionId) {
      const key = keyOf(tenantId, actionId);
      if (state.actions.get(key)?.action.meetingId !== meetingId) return false;
      return state.actions.delete(key);
    },
  };
}

/** Whole-meeting notes first, then by occurrence, then oldest change first. */
function compareNotes(a: MeetingNote, b: MeetingNote): number {
  const occurrence = (n: MeetingNote) => (n.occurrenceStart === null ? -1 : n.occurrenceStart.getTime());
  return occurrence(a) - occurrence(b) || a.updatedAt.getTime() - b.updatedAt.getTime() || compareText(a.id, b.id);
}

function failure(reason: StoreFailure, table: string, tenantId: string, meetingId: string, message: string) {
  return storeError({ reason, table, key: { tenantId, meetingId } }, message);
}
