import {
  cancelMeetingRequestSchema,
  cancelOccurrenceRequestSchema,
  createActionRequestSchema,
  createMeetingRequestSchema,
  respondRequestSchema,
  saveNoteRequestSchema,
  updateActionRequestSchema,
  updateMeetingRequestSchema,
  updateOccurrenceRequestSchema,
} from '@confer/contracts';
import { type Request, Router } from 'express';
import { z } from 'zod';
import { callerFrom } from '../../use-cases/scheduling/caller.ts';
import { cancelMeeting } from '../../use-cases/scheduling/cancel-meeting.ts';
import { updateMeeting } from '../../use-cases/scheduling/change-meeting.ts';
import { cancelOccurrence, moveOccurrence } from '../../use-cases/scheduling/change-occurrence.ts';
import { createMeeting } from '../../use-cases/scheduling/create-meeting.ts';
import { toMeetingDto } from '../../use-cases/scheduling/meeting-view.ts';
import * as notes from '../../use-cases/scheduling/notes-and-actions.ts';
import { getMeeting, listMyMeetings } from '../../use-cases/scheduling/read-meetings.ts';
import { respondToMeeting } from '../../use-cases/scheduling/respond-to-meeting.ts';
import type { SchedulingDeps } from '../../use-cases/scheduling/scheduling-deps.ts';
import { identityOf } from '../authenticate.ts';
import { hasBody, parseInput } from '../validate.ts';

const listQuerySchema = z.object({
  scope: z.enum(['upcoming', 'past']).default('upcoming'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
const actionsQuerySchema = z.object({ occurrenceStart: z.iso.datetime({ offset: true }).optional() });

/** The meeting lifecycle: create, read, list, change, cancel, respond; notes, actions and history. */
export function meetingRoutes(deps: SchedulingDeps): Router {
  const router = Router();
  const caller = (req: Request) => callerFrom(identityOf(req));
  const id = (req: Request) => String(req.params.id);
  const dto = async (req: Request, meetingId: string) => {
    const who = caller(req);
    const { meeting, occurrences } = await getMeeting(deps, who, meetingId);
    return toMeetingDto(meeting, who, deps.tabUrl, occurrences);
  };

  router.post('/', async (req, res) => {
    const meeting = await createMeeting(deps, caller(req), parseInput(createMeetingRequestSchema, req.body));
    res
      .status(201)
      .location(`/api/meetings/${meeting.id}`)
      .json(toMeetingDto(meeting, caller(req), deps.tabUrl));
  });
  router.get('/', async (req, res) => {
    const query = parseInput(listQuerySchema, req.query, 'query');
    const who = caller(req);
    const meetings = await listMyMeetings(deps, who, query.scope, query.limit);
    res.json({ meetings: meetings.map((m) => toMeetingDto(m, who, deps.tabUrl)) });
  });
  router.get('/:id', async (req, res) => {
    res.json(await dto(req, id(req)));
  });
  router.patch('/:id', async (req, res) => {
    await updateMeeting(deps, caller(req), id(req), parseInput(updateMeetingRequestSchema, req.body));
    res.json(await dto(req, id(req)));
  });
  router.post('/:id/cancel', async (req, res) => {
    await cancelMeeting(deps, caller(req), id(req), parseInput(cancelMeetingRequestSchema, req.body));
    res.json(await dto(req, id(req)));
  });
  router.post('/:id/respond', async (req, res) => {
    await respondToMeeting(deps, caller(req), id(req), parseInput(respondRequestSchema, req.body));
    res.json(await dto(req, id(req)));
  });
  router.patch('/:id/occurrences/:start', async (req, res) => {
    const body = parseInput(updateOccurrenceRequestSchema, req.body);
    await moveOccurrence(deps, caller(req), id(req), String(req.params.start), body);
    res.json(await dto(req, id(req)));
  });
  router.post('/:id/occurrences/:start/cancel', async (req, res) => {
    // The body is optional, but one that was sent and not read as JSON is refused rather than taken as empty.
    const body = parseInput(cancelOccurrenceRequestSchema, req.body ?? (hasBody(req) ? undefined : {}));
    await cancelOccurrence(deps, caller(req), id(req), String(req.params.start), body.message);
    res.json(await dto(req, id(req)));
  });

  router.get('/:id/notes', async (req, res) => {
    res.json({ notes: (await notes.listNotes(deps, caller(req), id(req))).map(noteDto) });
  });
  router.post('/:id/notes', async (req, res) => {
    const note = await notes.saveNote(deps, caller(req), id(req), null, parseInput(saveNoteRequestSchema, req.body));
    res.status(201).json(noteDto(note));
  });
  router.put('/:id/notes/:noteId', async (req, res) => {
    const body = parseInput(saveNoteRequestSchema, req.body);
    res.json(noteDto(await notes.saveNote(deps, caller(req), id(req), String(req.params.noteId), body)));
  });
  router.delete('/:id/notes/:noteId', async (req, res) => {
    await notes.deleteNote(deps, caller(req), id(req), String(req.params.noteId));
    res.status(204).end();
  });

  router.get('/:id/actions', async (req, res) => {
    const query = parseInput(actionsQuerySchema, req.query, 'query');
    const actions = await notes.listActions(deps, caller(req), id(req), query.occurrenceStart);
    res.json({ actions: actions.map(actionDto) });
  });
  router.post('/:id/actions', async (req, res) => {
    const action = await notes.createAction(
      deps,
      caller(req),
      id(req),
      parseInput(createActionRequestSchema, req.body),
    );
    res.status(201).json(actionDto({ ...action, carriedOver: false }));
  });
  router.patch('/:id/actions/:actionId', async (req, res) => {
    const body = parseInput(updateActionRequestSchema, req.body);
    const action = await notes.updateAction(deps, caller(req), id(req), String(req.params.actionId), body);
    res.json(actionDto({ ...action, carriedOver: false }));
  });
  router.delete('/:id/actions/:actionId', async (req, res) => {
    await notes.deleteAction(deps, caller(req), id(req), String(req.params.actionId));
    res.status(204).end();
  });

  router.get('/:id/history', async (req, res) => {
    const entries = await notes.listHistory(deps, caller(req), id(req));
    res.json({
      history: entries.map((e) => ({ at: e.at.toISOString(), actorId: e.actorId, kind: e.kind, summary: e.summary })),
    });
  });
  return router;
}

function noteDto(note: Awaited<ReturnType<typeof notes.saveNote>>) {
  return {
    id: note.id,
    occurrenceStart: note.occurrenceStart?.toISOString() ?? null,
    visibility: note.visibility,
    body: note.body,
    authorId: note.authorId,
    updatedAt: note.updatedAt.toISOString(),
    version: note.version,
  };
}

function actionDto(action: Awaited<ReturnType<typeof notes.createAction>> & { carriedOver: boolean }) {
  return {
    id: action.id,
    occurrenceStart: action.occurrenceStart?.toISOString() ?? null,
    title: action.title,
    ownerEmail: action.ownerEmail,
    ownerName: action.ownerName,
    dueDate: action.dueDate,
    done: action.done,
    createdAt: action.createdAt.toISOString(),
    version: action.version,
    carriedOver: action.carriedOver,
  };
}
