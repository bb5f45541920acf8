import type { Client } from '@microsoft/microsoft-graph-client';
import { AppError } from '../../domain/app-error.ts';
import type { Interval } from '../../domain/scheduling/model.ts';
import type { EventDraft, EventPatch, EventRecord, ResponseKind } from '../../ports/scheduling-gateway.ts';
import { PREFER_UTC } from './graph-actor.ts';
import { call, parse } from './graph-call.ts';
import { graphErrorCode } from './graph-errors.ts';
import { ifMatchHeader, toEventRecord, toGraphEvent, toGraphPatch } from './graph-event-mapper.ts';
import { findInCalendarView, readEvent } from './graph-event-reader.ts';
import { graphFullEventSchema } from './graph-event-schemas.ts';
import { toDateTimeTimeZone } from './graph-zones.ts';
import { preserveJoinBlock } from './teams-join-block.ts';

const DAY_MS = 86_400_000;

/**
 * Creates the event; safe to repeat with the same draft. Graph answers a reused transactionId with 400
 * `ErrorDuplicateTransactionId` (docs/reference/graph-calendar.md §3), so a retry — ours after a lost response, or the
 * caller's — finds the event the first attempt made and returns it: one event, however often it is asked.
 */
export async function createEvent(client: Client, mailboxPath: string, draft: EventDraft): Promise<EventRecord> {
  const post = () =>
    call(() => client.api(`${mailboxPath}/events`).header('Prefer', PREFER_UTC).post(toGraphEvent(draft)));
  let raw: unknown;
  try {
    raw = await post().catch((error: unknown) => {
      // A transport failure (no HTTP answer) may have lost a response to a create that happened.
      if (isTransportFailure(error)) return post();
      throw error;
    });
  } catch (error) {
    if (graphErrorCode(causeOf(error)) !== 'ErrorDuplicateTransactionId') throw error;
    const existing = await findEventByTransactionId(client, mailboxPath, draft.transactionId, aroundDraft(draft));
    if (existing) return existing;
    // Used before for an event that is gone or elsewhere in time (a withdrawn create): a new key is needed.
    throw new AppError(
      'graph_duplicate_transaction',
      'This transactionId already made another Outlook event; create with a new one.',
      { cause: error, details: { transactionId: draft.transactionId } },
    );
  }
  return toEventRecord(parse(graphFullEventSchema, raw, 'event'));
}

export function findEventByTransactionId(
  client: Client,
  mailboxPath: string,
  transactionId: string,
  around: Interval,
): Promise<EventRecord | null> {
  return findInCalendarView(client, mailboxPath, around, (event) => event.transactionId === transactionId);
}

/** A day either side of the first occurrence: the window calendarView is searched in for a create's result. */
export function aroundDraft(draft: Pick<EventDraft, 'start' | 'end'>): Interval {
  return { start: new Date(draft.start.getTime() - DAY_MS), end: new Date(draft.end.getTime() + DAY_MS) };
}

/**
 * PATCH with optimistic concurrency. A new body keeps the Teams join block (re-inserted from the current body
 * when the new one lacks it); the current event is read for that, and its change key checked first, so a
 * stale `ifMatch` fails before anything is written. A repeated PATCH writes the same values (idempotent).
 */
export async function updateEvent(
  client: Client,
  mailboxPath: string,
  eventId: string,
  patch: EventPatch,
  ifMatch: string | undefined,
): Promise<EventRecord> {
  let body: string | undefined;
  if (patch.bodyHtml !== undefined) {
    const current = await readEvent(client, mailboxPath, eventId);
    if (!current) throw new AppError('not_found', 'The Outlook event does not exist (any more).');
    if (ifMatch && current.changeKey !== ifMatch.replace(/^W\/"(.*)"$/, '$1')) {
      throw new AppError('conflict', 'The Outlook event changed since Confer last read it. Reload and try again.');
    }
    body = preserveJoinBlock(patch.bodyHtml, current.bodyHtml, current.joinUrl);
  }
  const request = client.api(`${mailboxPath}/events/${encodeURIComponent(eventId)}`).header('Prefer', PREFER_UTC);
  if (ifMatch) request.header('If-Match', ifMatchHeader(ifMatch));
  const raw = await call(() => request.patch(toGraphPatch(patch, body)));
  return toEventRecord(parse(graphFullEventSchema, raw, 'event'));
}

/**
 * Organizer cancel with a message (docs/reference/graph-calendar.md §3: 202, attendees get a cancellation). An event
 * already cancelled or deleted (404) is what was asked for, so a repeated cancel is done, not an error.
 */
export async function cancelEvent(client: Client, mailboxPath: string, eventId: string, comment: string) {
  try {
    await call(() => client.api(`${mailboxPath}/events/${encodeURIComponent(eventId)}/cancel`).post({ comment }));
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return;
    throw error;
  }
}

const ACTIONS: Record<ResponseKind, string> = { accept: 'accept', tentative: 'tentativelyAccept', decline: 'decline' };

export interface RespondOptions {
  comment?: string;
  proposedNewTime?: Interval;
  sendResponse: boolean;
}

/**
 * An attendee's answer on their own copy (docs/reference/graph-calendar.md §3). Graph refuses `proposedNewTime` on
 * accept, without `sendResponse`, or when the organizer disallowed proposals — the first two are caught here with a
 * clear code. A declined meeting leaves the attendee's calendar, so a repeated decline (404) is done.
 */
export async function respondToEvent(
  client: Client,
  mailboxPath: string,
  eventId: string,
  response: ResponseKind,
  options: RespondOptions,
): Promise<void> {
  if (options.proposedNewTime && (response === 'accept' || !options.sendResponse)) {
    throw new AppError(
      'validation_failed',
      'A new time can be proposed only with tentative or decline, sent to the organizer.',
      {
        details: { field: 'proposedNewTime' },
      },
    );
  }
  const body: Record<string, unknown> = { sendResponse: options.sendResponse };
  if (options.comment) body.comment = options.comment;
  if (options.proposedNewTime) {
    body.proposedNewTime = {
      start: toDateTimeTimeZone(options.proposedNewTime.start, 'UTC'),
      end: toDateTimeTimeZone(options.proposedNewTime.end, 'UTC'),
    };
  }
  try {
    await call(() =>
      client.api(`${mailboxPath}/events/${encodeURIComponent(eventId)}/${ACTIONS[response]}`).post(body),
    );
  } catch (error) {
    if (response === 'decline' && error instanceof AppError && error.code === 'not_found') return;
    throw error;
  }
}

function causeOf(error: unknown): unknown {
  return error instanceof AppError ? error.cause : error;
}

/** No HTTP answer at all (connection reset, timeout): GraphError status -1 or a client-side error. */
function isTransportFailure(error: unknown): boolean {
  if (!(error instanceof AppError) || error.code !== 'graph_unavailable') return false;
  const cause = error.cause as { statusCode?: unknown } | undefined;
  return typeof cause?.statusCode !== 'number' || cause.statusCode <= 0;
}
