import type { Request, Router } from 'express';
import { z } from 'zod';
import { GraphHttpError } from '../../graph/context.ts';
import type { CalendarDeps } from '../calendar-deps.ts';
import {
  CREATE_FIELDS,
  eventCreateInput,
  eventPatchInput,
  PATCHABLE_FIELDS,
  parseEventBody,
} from '../events/event-input.ts';
import { findInstance } from '../events/event-lookup.ts';
import { renderEvent } from '../events/event-renderer.ts';
import { cancelEvent, createEvent, deleteEvent, updateEvent } from '../events/event-writer.ts';
import { singleInstance } from '../events/instance-expander.ts';
import type { WriterDeps } from '../events/writer-deps.ts';
import { parseResponseBody, type ResponseAction, respondToEvent } from '../meetings/meeting-responses.ts';
import { WRITE_EVENTS } from './permissions.ts';
import { contextUrl, openMailbox, renderOptions, setPreferenceApplied } from './request-context.ts';

export function writerDeps(deps: CalendarDeps): WriterDeps {
  return {
    store: deps.store,
    directory: deps.ctx.directory,
    random: deps.random,
    clock: deps.ctx.clock,
    publish: (change) => deps.ctx.publishChange(change),
  };
}

function ifMatch(req: Request): string | undefined {
  const header = req.headers['if-match'];
  return typeof header === 'string' ? header : undefined;
}

const cancelBody = z.strictObject({ comment: z.string().optional() });

export function registerWriteRoutes(router: Router, deps: CalendarDeps): void {
  router.post(['/events', '/calendar/events'], (req, res) => {
    const opened = openMailbox(deps, req, WRITE_EVENTS);
    const input = parseEventBody(eventCreateInput, req.body, CREATE_FIELDS);
    const record = createEvent(writerDeps(deps), opened.mailbox, input);
    setPreferenceApplied(res, opened.prefs);
    res.status(201).json({
      '@odata.context': contextUrl(deps, opened.mailbox, 'events/$entity'),
      ...renderEvent(singleInstance(record), renderOptions(opened)),
    });
  });

  router.patch(['/events/:id', '/calendar/events/:id'], (req, res) => {
    const opened = openMailbox(deps, req, WRITE_EVENTS);
    const patch = parseEventBody(eventPatchInput, req.body, PATCHABLE_FIELDS);
    const id = updateEvent(writerDeps(deps), opened.mailbox, req.params.id as string, patch, ifMatch(req));
    const instance = findInstance(deps.store, opened.mailbox.id, id);
    setPreferenceApplied(res, opened.prefs);
    res.status(200).json({
      '@odata.context': contextUrl(deps, opened.mailbox, 'events/$entity'),
      ...renderEvent(instance, renderOptions(opened)),
    });
  });

  router.delete(['/events/:id', '/calendar/events/:id'], (req, res) => {
    const opened = openMailbox(deps, req, WRITE_EVENTS);
    deleteEvent(writerDeps(deps), opened.mailbox, req.params.id as string, ifMatch(req));
    res.status(204).end();
  });

  router.post(['/events/:id/cancel', '/calendar/events/:id/cancel'], (req, res) => {
    const opened = openMailbox(deps, req, WRITE_EVENTS);
    if (!cancelBody.safeParse(req.body ?? {}).success) {
      throw new GraphHttpError(
        400,
        'RequestBodyRead',
        "Invalid request body for 'cancel': only 'comment' is accepted.",
      );
    }
    cancelEvent(writerDeps(deps), opened.mailbox, req.params.id as string);
    res.status(202).end();
  });

  for (const action of ['accept', 'tentativelyAccept', 'decline'] as ResponseAction[]) {
    router.post([`/events/:id/${action}`, `/calendar/events/:id/${action}`], (req, res) => {
      const opened = openMailbox(deps, req, WRITE_EVENTS);
      const body = parseResponseBody(action, req.body);
      respondToEvent(writerDeps(deps), opened.mailbox, req.params.id as string, action, body);
      res.status(202).end();
    });
  }
}
