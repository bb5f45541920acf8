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
  /**
   * Insert or update (optimistic on `version`); false when the stored version moved on, or when the id is
   * already taken by a note of another meeting or author.
   */
  saveNote(tenantId: string, note: MeetingNote, expectedVersion: number | null): Promise<boolean>;
  /** False unless the note belongs to this meeting and this author. */
  deleteNote(tenantId: string, meetingId: string, noteId: string, authorId: string): Promise<boolean>;
  listActions(tenantId: string, meetingId: string): Promise<MeetingAction[]>;
  /** As saveNote; an update of an action stored under another meeting changes nothing (false). */
  saveAction(tenantId: string, action: MeetingAction, expectedVersion: number | null): Promise<boolean>;
  /** False unless the action belongs to this meeting. */
  deleteAction(tenantId: string, meetingId: string, actionId: string): Promise<boolean>;
}
