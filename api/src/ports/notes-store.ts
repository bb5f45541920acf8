/**
 * Notes and actions are owned by Confer: they survive the Outlook event being deleted, and actions
 * that are not done are carried to the next occurrence of a series.
 */
export interface MeetingNote {
  id: string;
  meetingId: string;
  /** Null: about the whole meeting/series; else the occurrence's original start. */
  occurrenceStart: Date | null;
  authorId: string;
  visibility: 'private' | 'shared';
  body: string;
  updatedAt: Date;
  version: number;
}

export interface MeetingAction {
  id: string;
  meetingId: string;
  /** The occurrence it was raised in (null for a single meeting). */
  occurrenceStart: Date | null;
  title: string;
  ownerEmail: string;
  ownerName: string;
  /** `YYYY-MM-DD` in the meeting's zone, or null. */
  dueDate: string | null;
  done: boolean;
  doneAt: Date | null;
  createdBy: string;
  createdAt: Date;
  version: number;
}

export interface NotesStore {
  /** Shared notes of the meeting plus the user's own private notes; never someone else's private notes. */
  listNotes(tenantId: string, meetingId: string, viewerId: string): Promise<MeetingNote[]>;
  /** Insert or update (optimistic on `version`); false when the stored version moved on. */
  saveNote(tenantId: string, note: MeetingNote, expectedVersion: number | null): Promise<boolean>;
  deleteNote(tenantId: string, noteId: string, authorId: string): Promise<boolean>;
  listActions(tenantId: string, meetingId: string): Promise<MeetingAction[]>;
  saveAction(tenantId: string, action: MeetingAction, expectedVersion: number | null): Promise<boolean>;
  deleteAction(tenantId: string, actionId: string): Promise<boolean>;
}
