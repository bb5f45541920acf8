import { z } from 'zod';
import type { MeetingAction, MeetingNote } from '../../ports/notes-store.ts';
import type { ColumnCodec } from './column-codec.ts';

export function noteRowSchema(c: ColumnCodec) {
  return z.object({
    id: z.string(),
    meeting_id: z.string(),
    occurrence_start: c.instant.nullable(),
    author_id: z.string(),
    visibility: z.enum(['private', 'shared']),
    body: z.string(),
    updated_at: c.instant,
    version: z.number().int(),
  });
}

export function actionRowSchema(c: ColumnCodec) {
  return z.object({
    id: z.string(),
    meeting_id: z.string(),
    occurrence_start: c.instant.nullable(),
    title: z.string(),
    owner_email: z.string(),
    owner_name: z.string(),
    due_date: z.iso.date().nullable(),
    done: c.flag,
    done_at: c.instant.nullable(),
    created_by: z.string(),
    created_at: c.instant,
    version: z.number().int(),
  });
}

export type NoteRow = z.output<ReturnType<typeof noteRowSchema>>;
export type ActionRow = z.output<ReturnType<typeof actionRowSchema>>;

export function noteFromRow(n: NoteRow): MeetingNote {
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

export function actionFromRow(a: ActionRow): MeetingAction {
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
