import { actionSchema, historyEntrySchema, noteSchema } from '@confer/contracts';
import type { z } from 'zod';
import { type AuthedApi, callApi, listOf, noContent } from './authed-api.ts';

export type NoteDto = z.infer<typeof noteSchema>;
export type ActionDto = z.infer<typeof actionSchema>;
export type HistoryEntryDto = z.infer<typeof historyEntrySchema>;
export type Visibility = NoteDto['visibility'];

const base = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}`;

export function listNotes(api: AuthedApi, meetingId: string): Promise<NoteDto[]> {
  return callApi(api, 'GET', `${base(meetingId)}/notes`, listOf('notes', noteSchema));
}

export interface NoteDraft {
  readonly occurrenceStart: string | null;
  readonly visibility: Visibility;
  readonly body: string;
}

/** A new note, or a new version of one (`existing.version` must still be current, else `version_conflict`). */
export function saveNote(
  api: AuthedApi,
  meetingId: string,
  draft: NoteDraft,
  existing: NoteDto | null,
): Promise<NoteDto> {
  const body = { ...draft, version: existing?.version ?? null };
  return existing
    ? callApi(api, 'PUT', `${base(meetingId)}/notes/${encodeURIComponent(existing.id)}`, noteSchema, body)
    : callApi(api, 'POST', `${base(meetingId)}/notes`, noteSchema, body);
}

export function deleteNote(api: AuthedApi, meetingId: string, noteId: string): Promise<null> {
  return callApi(api, 'DELETE', `${base(meetingId)}/notes/${encodeURIComponent(noteId)}`, noContent);
}

export function listActions(api: AuthedApi, meetingId: string, occurrenceStart: string | null): Promise<ActionDto[]> {
  const query = occurrenceStart ? `?occurrenceStart=${encodeURIComponent(occurrenceStart)}` : '';
  return callApi(api, 'GET', `${base(meetingId)}/actions${query}`, listOf('actions', actionSchema));
}

export interface ActionDraft {
  readonly title: string;
  readonly ownerEmail: string;
  readonly dueDate: string | null;
  readonly occurrenceStart: string | null;
}

export function createAction(api: AuthedApi, meetingId: string, draft: ActionDraft): Promise<ActionDto> {
  return callApi(api, 'POST', `${base(meetingId)}/actions`, actionSchema, draft);
}

export function setActionDone(api: AuthedApi, meetingId: string, action: ActionDto, done: boolean): Promise<ActionDto> {
  return callApi(api, 'PATCH', `${base(meetingId)}/actions/${encodeURIComponent(action.id)}`, actionSchema, {
    version: action.version,
    done,
  });
}

export function deleteAction(api: AuthedApi, meetingId: string, actionId: string): Promise<null> {
  return callApi(api, 'DELETE', `${base(meetingId)}/actions/${encodeURIComponent(actionId)}`, noContent);
}

export function listHistory(api: AuthedApi, meetingId: string): Promise<HistoryEntryDto[]> {
  return callApi(api, 'GET', `${base(meetingId)}/history`, listOf('history', historyEntrySchema));
}
