import type { createActionRequestSchema, saveNoteRequestSchema, updateActionRequestSchema } from '@confer/contracts';
import type { z } from 'zod';
import { AppError } from '../../domain/app-error.ts';
import type { Meeting } from '../../domain/scheduling/meeting.ts';
import type { MeetingAction, MeetingNote } from '../../ports/notes-store.ts';
import type { Caller } from './caller.ts';
import { everyOccurrenceOf } from './check-conflicts.ts';
import { loadMeetingFor, loadNotesFor } from './meeting-access.ts';
import type { SchedulingDeps } from './scheduling-deps.ts';

/*
 * Notes and actions belong to Confer, not to the Outlook event: they stay when the event is deleted,
 * and open actions follow a series from one occurrence to the next until done. Anyone taking part through
 * Confer may read shared notes and actions (someone invited in Outlook only may not, meeting-access.ts);
 * private notes are their author's alone.
 */

export async function listNotes(deps: SchedulingDeps, caller: Caller, meetingId: string) {
  const { meeting } = await loadNotesFor(deps, caller, meetingId);
  return deps.notes.listNotes(meeting.tenantId, meeting.id, caller.mailbox.userId);
}

export async function saveNote(
  deps: SchedulingDeps,
  caller: Caller,
  meetingId: string,
  noteId: string | null,
  request: z.infer<typeof saveNoteRequestSchema>,
): Promise<MeetingNote> {
  const { meeting } = await loadNotesFor(deps, caller, meetingId);
  const existing = noteId
    ? (await deps.notes.listNotes(meeting.tenantId, meeting.id, caller.mailbox.userId)).find((n) => n.id === noteId)
    : undefined;
  if (noteId && !existing) throw new AppError('not_found', 'No such note.');
  if (existing && existing.authorId !== caller.mailbox.userId) {
    throw new AppError('forbidden', 'Only the author can change a note.');
  }
  if (existing && request.version !== existing.version) {
    throw new AppError('version_conflict', 'This note changed since you opened it. Reload and try again.');
  }
  const note: MeetingNote = {
    id: existing?.id ?? deps.newId(),
    meetingId: meeting.id,
    occurrenceStart: request.occurrenceStart ? occurrenceOf(meeting, request.occurrenceStart) : null,
    authorId: caller.mailbox.userId,
    visibility: request.visibility,
    body: request.body,
    updatedAt: deps.clock.now(),
    version: (existing?.version ?? 0) + 1,
  };
  if (!(await deps.notes.saveNote(meeting.tenantId, note, existing?.version ?? null))) {
    throw new AppError('version_conflict', 'This note changed while saving. Reload and try again.');
  }
  return note;
}

export async function deleteNote(deps: SchedulingDeps, caller: Caller, meetingId: string, noteId: string) {
  const { meeting } = await loadNotesFor(deps, caller, meetingId);
  if (!(await deps.notes.deleteNote(meeting.tenantId, meeting.id, noteId, caller.mailbox.userId))) {
    throw new AppError('not_found', 'No such note.');
  }
}

/** Actions of a meeting; for an occurrence of a series, also the open actions carried from earlier ones. */
export async function listActions(deps: SchedulingDeps, caller: Caller, meetingId: string, occurrenceStart?: string) {
  const { meeting } = await loadNotesFor(deps, caller, meetingId);
  const all = await deps.notes.listActions(meeting.tenantId, meeting.id);
  if (!occurrenceStart || !meeting.recurrence) return all.map((a) => ({ ...a, carriedOver: false }));
  const at = occurrenceOf(meeting, occurrenceStart).getTime();
  return all
    .filter((a) => {
      const raised = a.occurrenceStart?.getTime() ?? meeting.start.getTime();
      return raised === at || (raised < at && (!a.done || (a.doneAt !== null && a.doneAt.getTime() >= at)));
    })
    .map((a) => ({ ...a, carriedOver: (a.occurrenceStart?.getTime() ?? meeting.start.getTime()) < at }));
}

export async function createAction(
  deps: SchedulingDeps,
  caller: Caller,
  meetingId: string,
  request: z.infer<typeof createActionRequestSchema>,
): Promise<MeetingAction> {
  const { meeting } = await loadNotesFor(deps, caller, meetingId);
  const owner = participant(meeting, request.ownerEmail);
  const action: MeetingAction = {
    id: deps.newId(),
    meetingId: meeting.id,
    occurrenceStart: request.occurrenceStart ? occurrenceOf(meeting, request.occurrenceStart) : null,
    title: request.title,
    ownerEmail: owner.email,
    ownerName: owner.name,
    dueDate: request.dueDate,
    done: false,
    doneAt: null,
    createdBy: caller.mailbox.userId,
    createdAt: deps.clock.now(),
    version: 1,
  };
  await deps.notes.saveAction(meeting.tenantId, action, null);
  return action;
}

export async function updateAction(
  deps: SchedulingDeps,
  caller: Caller,
  meetingId: string,
  actionId: string,
  request: z.infer<typeof updateActionRequestSchema>,
): Promise<MeetingAction> {
  const { meeting } = await loadNotesFor(deps, caller, meetingId);
  const existing = (await deps.notes.listActions(meeting.tenantId, meeting.id)).find((a) => a.id === actionId);
  if (!existing) throw new AppError('not_found', 'No such action.');
  if (request.version !== existing.version) {
    throw new AppError('version_conflict', 'This action changed since you opened it. Reload and try again.');
  }
  const owner = request.ownerEmail ? participant(meeting, request.ownerEmail) : null;
  const done = request.done ?? existing.done;
  const updated: MeetingAction = {
    ...existing,
    title: request.title ?? existing.title,
    ownerEmail: owner?.email ?? existing.ownerEmail,
    ownerName: owner?.name ?? existing.ownerName,
    dueDate: request.dueDate === undefined ? existing.dueDate : request.dueDate,
    done,
    doneAt: done ? (existing.doneAt ?? deps.clock.now()) : null,
    version: existing.version + 1,
  };
  if (!(await deps.notes.saveAction(meeting.tenantId, updated, existing.version))) {
    throw new AppError('version_conflict', 'This action changed while saving. Reload and try again.');
  }
  return updated;
}

export async function deleteAction(deps: SchedulingDeps, caller: Caller, meetingId: string, actionId: string) {
  const { meeting } = await loadNotesFor(deps, caller, meetingId);
  if (!(await deps.notes.deleteAction(meeting.tenantId, meeting.id, actionId))) {
    throw new AppError('not_found', 'No such action.');
  }
}

export async function listHistory(deps: SchedulingDeps, caller: Caller, meetingId: string) {
  const { meeting } = await loadMeetingFor(deps, caller, meetingId);
  return deps.history.list(meeting.tenantId, meeting.id);
}

function participant(meeting: Meeting, email: string): { email: string; name: string } {
  const lower = email.toLowerCase();
  if (lower === meeting.organizerEmail) return { email: lower, name: meeting.organizerName };
  const attendee = meeting.attendees.find((a) => a.email === lower);
  if (!attendee) throw new AppError('validation_failed', 'An action belongs to someone in the meeting.');
  return { email: lower, name: attendee.displayName };
}

function occurrenceOf(meeting: Meeting, text: string): Date {
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) throw new AppError('validation_failed', 'Malformed occurrence start.');
  // A note or action on a time no occurrence starts at would be saved where no one ever sees it.
  if (!everyOccurrenceOf(meeting).some((o) => o.start.getTime() === at.getTime())) {
    throw new AppError(
      'validation_failed',
      meeting.recurrence ? 'No occurrence of this series starts then.' : 'This meeting is not a series.',
    );
  }
  return at;
}
