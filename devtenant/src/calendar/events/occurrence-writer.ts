import { DateTime } from 'luxon';
import type { DirectoryUser } from '../../graph/context.ts';
import { GraphHttpError } from '../../graph/context.ts';
import { propagateToAttendees } from '../meetings/meeting-propagation.ts';
import { neighbourOccurrenceDates } from '../recurrence/recurrence-expander.ts';
import { requireIana } from '../time/time-zones.ts';
import { validationError } from './event-content.ts';
import { newChangeKey } from './event-ids.ts';
import type { EventPatchInput } from './event-input.ts';
import type { EventContent, EventInstance, EventRecord } from './event-model.ts';
import { NO_RESPONSE_TIME } from './event-model.ts';
import { applyContentPatch } from './event-patch.ts';
import { meetingDeps, type WriterDeps } from './writer-deps.ts';

/** A moved occurrence may not land on or past an adjacent occurrence's date (docs/reference/graph-calendar.md §3). */
function checkBoundary(master: EventRecord, date: string, next: EventContent): void {
  const recurrence = master.recurrence as NonNullable<EventRecord['recurrence']>;
  const zone = requireIana(recurrence.range.recurrenceTimeZone || master.start.timeZone);
  const newDate = DateTime.fromMillis(next.startMs, { zone }).toISODate() as string;
  const { previous, next: following } = neighbourOccurrenceDates(recurrence, date);
  if ((previous && newDate <= previous) || (following && newDate >= following)) {
    throw new GraphHttpError(
      400,
      'ErrorOccurrenceCrossingBoundary',
      'Modified occurrence is crossing or overlapping adjacent occurrence.',
    );
  }
}

function changedFields(before: EventContent, after: EventContent): Partial<EventContent> {
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof EventContent)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = after[key];
  }
  return changes as Partial<EventContent>;
}

/** Editing one occurrence turns it into an exception of the series (docs/reference/graph-calendar.md §3). */
export function updateOccurrence(
  deps: WriterDeps,
  mailbox: DirectoryUser,
  instance: EventInstance,
  patch: EventPatchInput,
): void {
  if (patch.recurrence !== undefined) throw validationError('The recurrence of a single occurrence cannot be changed.');
  const master = instance.record;
  const date = instance.occurrenceDate as string;
  const next = applyContentPatch(instance.content, patch, {
    random: deps.random,
    tenantId: mailbox.tenantId,
    organizerId: master.organizerMailboxId,
  });
  const timesChanged = next.startMs !== instance.content.startMs || next.endMs !== instance.content.endMs;
  if (timesChanged) checkBoundary(master, date, next);
  if (master.isOrganizer && timesChanged) {
    next.attendees = next.attendees.map((a) => ({ ...a, status: { response: 'none', time: NO_RESPONSE_TIME } }));
  }
  const changes = { ...master.exceptions[date]?.changes, ...changedFields(instance.content, next) };
  const nowMs = deps.clock.now().getTime();
  const changeKey = newChangeKey(deps.random);
  const updated: EventRecord = {
    ...master,
    exceptions: { ...master.exceptions, [date]: { changes, changeKey, lastModifiedMs: nowMs } },
  };
  deps.store.put(mailbox.id, updated);
  deps.publish({
    tenantId: mailbox.tenantId,
    mailboxId: mailbox.id,
    eventId: instance.id,
    changeType: 'updated',
    changeKey,
  });
  if (updated.isOrganizer) propagateToAttendees(updated, mailbox.tenantId, meetingDeps(deps));
}

/** Deleting or cancelling one occurrence removes it from the series; attendees see that occurrence cancelled. */
export function removeOccurrence(deps: WriterDeps, mailbox: DirectoryUser, instance: EventInstance): void {
  const master = instance.record;
  const date = instance.occurrenceDate as string;
  const exceptions = { ...master.exceptions };
  delete exceptions[date];
  const updated: EventRecord = { ...master, exceptions, deletedOccurrences: [...master.deletedOccurrences, date] };
  deps.store.put(mailbox.id, updated);
  deps.publish({ tenantId: mailbox.tenantId, mailboxId: mailbox.id, eventId: instance.id, changeType: 'deleted' });
  if (updated.isOrganizer) propagateToAttendees(updated, mailbox.tenantId, meetingDeps(deps));
}
