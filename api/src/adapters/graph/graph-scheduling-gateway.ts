import type { Client } from '@microsoft/microsoft-graph-client';
import { AppError } from '../../domain/app-error.ts';
import type { Logger } from '../../logging/logger.ts';
import type { EventDraft, EventRecord, SchedulingGateway } from '../../ports/scheduling-gateway.ts';
import { clientFor, type GraphActorDeps, mailboxPath } from './graph-actor.ts';
import { readCalendarDelta } from './graph-calendar-delta.ts';
import { readEventsBatched } from './graph-event-batch.ts';
import { findInCalendarView, findMasterByICalUId, readEvent, readInstances } from './graph-event-reader.ts';
import {
  cancelEvent,
  createEvent,
  findEventByTransactionId,
  respondToEvent,
  updateEvent,
} from './graph-event-writer.ts';
import { readSchedules } from './graph-schedule-reader.ts';
import { createJoinUrlCheck, type JoinUrlCheck } from './teams-join-url.ts';

export interface GraphSchedulingGatewayDeps extends GraphActorDeps {
  logger: Logger;
  /** `host[:port]` of the local tenant, whose join links are accepted besides Teams' own (teams-join-url.ts). */
  localJoinHost?: string | null;
}

/**
 * SchedulingGateway over Microsoft Graph: every call runs as the given actor against the named mailbox.
 * Every event it returns has passed the join-link check: a join URL that is not a Teams meeting link is
 * dropped here, so no use case, card, page or invitation can link to it.
 */
export function createGraphSchedulingGateway(deps: GraphSchedulingGatewayDeps): SchedulingGateway {
  const joinUrls = createJoinUrlCheck({ localHost: deps.localJoinHost ?? null, logger: deps.logger });
  const checked = (event: EventRecord): EventRecord => ({ ...event, joinUrl: joinUrls(event.joinUrl, event.id) });
  const checkedOrNull = (event: EventRecord | null) => (event ? checked(event) : null);

  return {
    getSchedules: (query) => readSchedules(deps, query),

    async createEvent(actor, mailbox, draft) {
      const client = await clientFor(deps, actor);
      const path = mailboxPath(actor, mailbox);
      const created = checked(await createEvent(client, path, draft));
      return draft.online
        ? ensureJoinUrl({ logger: deps.logger, client, path, checked: joinUrls }, created, draft)
        : created;
    },

    async findEventByTransactionId(actor, mailbox, transactionId, around) {
      const client = await clientFor(deps, actor);
      return checkedOrNull(await findEventByTransactionId(client, mailboxPath(actor, mailbox), transactionId, around));
    },

    async getEvent(actor, mailbox, eventId) {
      return checkedOrNull(await readEvent(await clientFor(deps, actor), mailboxPath(actor, mailbox), eventId));
    },

    async getEvents(actor, mailbox, eventIds) {
      if (eventIds.length === 0) return new Map();
      const events = await readEventsBatched(await clientFor(deps, actor), mailboxPath(actor, mailbox), eventIds);
      return new Map([...events].map(([id, event]) => [id, checkedOrNull(event)]));
    },

    async calendarDelta(actor, mailbox, window, deltaLink) {
      const client = await clientFor(deps, actor);
      const round = await readCalendarDelta(client, mailboxPath(actor, mailbox), window, deltaLink);
      return { ...round, changed: round.changed.map(checked) };
    },

    async findEventByICalUId(actor, mailbox, iCalUId, around) {
      const client = await clientFor(deps, actor);
      const path = mailboxPath(actor, mailbox);
      // calendarView finds single meetings and occurrences; a series' own iCalUId belongs to its master.
      return checkedOrNull(
        (await findInCalendarView(client, path, around, (event) => event.iCalUId === iCalUId)) ??
          (await findMasterByICalUId(client, path, iCalUId)),
      );
    },

    async listInstances(actor, mailbox, seriesMasterId, window) {
      const client = await clientFor(deps, actor);
      return (await readInstances(client, mailboxPath(actor, mailbox), seriesMasterId, window)).map(checked);
    },

    async updateEvent(actor, mailbox, eventId, patch, ifMatch) {
      const client = await clientFor(deps, actor);
      return checked(await updateEvent(client, mailboxPath(actor, mailbox), eventId, patch, ifMatch));
    },

    async cancelEvent(actor, mailbox, eventId, comment) {
      await cancelEvent(await clientFor(deps, actor), mailboxPath(actor, mailbox), eventId, comment);
    },

    async respond(actor, mailbox, eventId, response, options) {
      await respondToEvent(await clientFor(deps, actor), mailboxPath(actor, mailbox), eventId, response, options);
    },
  };
}

/**
 * A Teams meeting is confirmed only with its join URL (docs/reference/user-expectations.md §2; events have come
 * back `isOnlineMeeting: false`, docs#9741). Graph may fill it a
 * moment later, so the event is read once more; still without one — or with one that is not a Teams meeting
 * link — the event is cancelled, since attendees must not keep an invitation without a safe way to join, and
 * the caller gets `teams_link_missing` to retry with a new transactionId (the old one stays bound to the
 * cancelled event).
 */
async function ensureJoinUrl(
  graph: { logger: Logger; client: Client; path: string; checked: JoinUrlCheck },
  created: EventRecord,
  draft: EventDraft,
): Promise<EventRecord> {
  const { logger, client, path } = graph;
  if (created.joinUrl) return created;
  const reread = await readEvent(client, path, created.id);
  const joinUrl = reread ? graph.checked(reread.joinUrl, reread.id) : null;
  if (reread && joinUrl) return { ...reread, joinUrl };
  logger.warn('Teams meeting came back without a Teams join URL; cancelling the event', { eventId: created.id });
  await cancelEvent(
    client,
    path,
    created.id,
    'This invitation is withdrawn: its Teams link could not be created. A new invitation follows.',
  );
  throw new AppError('teams_link_missing', 'Outlook created the event without a Teams link, so Confer withdrew it.', {
    details: { eventId: created.id, cancelled: true, transactionId: draft.transactionId },
  });
}
