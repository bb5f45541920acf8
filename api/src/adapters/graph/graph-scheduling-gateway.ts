import type { Client } from '@microsoft/microsoft-graph-client';
import { AppError } from '../../domain/app-error.ts';
import type { Logger } from '../../logging/logger.ts';
import type { EventDraft, EventRecord, SchedulingGateway } from '../../ports/scheduling-gateway.ts';
import { clientFor, type GraphActorDeps, mailboxPath } from './graph-actor.ts';
import { findInCalendarView, findMasterByICalUId, readEvent, readInstances } from './graph-event-reader.ts';
import {
  cancelEvent,
  createEvent,
  findEventByTransactionId,
  respondToEvent,
  updateEvent,
} from './graph-event-writer.ts';
import { readSchedules } from './graph-schedule-reader.ts';

export interface GraphSchedulingGatewayDeps extends GraphActorDeps {
  logger: Logger;
}

/** SchedulingGateway over Microsoft Graph: every call runs as the given actor against the named mailbox. */
export function createGraphSchedulingGateway(deps: GraphSchedulingGatewayDeps): SchedulingGateway {
  return {
    getSchedules: (query) => readSchedules(deps, query),

    async createEvent(actor, mailbox, draft) {
      const client = await clientFor(deps, actor);
      const path = mailboxPath(actor, mailbox);
      const created = await createEvent(client, path, draft);
      return draft.online ? ensureJoinUrl(deps.logger, client, path, created, draft) : created;
    },

    async findEventByTransactionId(actor, mailbox, transactionId, around) {
      const client = await clientFor(deps, actor);
      return findEventByTransactionId(client, mailboxPath(actor, mailbox), transactionId, around);
    },

    async getEvent(actor, mailbox, eventId) {
      return readEvent(await clientFor(deps, actor), mailboxPath(actor, mailbox), eventId);
    },

    async findEventByICalUId(actor, mailbox, iCalUId, around) {
      const client = await clientFor(deps, actor);
      const path = mailboxPath(actor, mailbox);
      // calendarView finds single meetings and occurrences; a series' own iCalUId belongs to its master.
      return (
        (await findInCalendarView(client, path, around, (event) => event.iCalUId === iCalUId)) ??
        (await findMasterByICalUId(client, path, iCalUId))
      );
    },

    async listInstances(actor, mailbox, seriesMasterId, window) {
      return readInstances(await clientFor(deps, actor), mailboxPath(actor, mailbox), seriesMasterId, window);
    },

    async updateEvent(actor, mailbox, eventId, patch, ifMatch) {
      return updateEvent(await clientFor(deps, actor), mailboxPath(actor, mailbox), eventId, patch, ifMatch);
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
 * A Teams meeting is confirmed only with its join URL (field-lessons: "verify that onlineMeeting.joinUrl
 * exists before confirming"; events have come back `isOnlineMeeting: false`, docs#9741). Graph may fill it a
 * moment later, so the event is read once more; still without one, the event is cancelled — attendees must not
 * keep an invitation without a way to join — and the caller gets `teams_link_missing` to retry with a new
 * transactionId (the old one stays bound to the cancelled event).
 */
async function ensureJoinUrl(
  logger: Logger,
  client: Client,
  path: string,
  created: EventRecord,
  draft: EventDraft,
): Promise<EventRecord> {
  if (created.joinUrl) return created;
  const reread = await readEvent(client, path, created.id);
  if (reread?.joinUrl) return reread;
  logger.warn('Teams meeting came back without a join URL; cancelling the event', { eventId: created.id });
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
