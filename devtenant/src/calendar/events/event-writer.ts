import type { DirectoryUser } from '../../graph/context.ts';
import { GraphHttpError } from '../../graph/context.ts';
import { cancelAllCopies, propagateToAttendees } from '../meetings/meeting-propagation.ts';
import { applyRecurrence, buildEventRecord } from './event-factory.ts';
import { newChangeKey } from './event-ids.ts';
import type { EventCreateInput, EventPatchInput } from './event-input.ts';
import { checkIfMatch, findInstance } from './event-lookup.ts';
import type { EventRecord } from './event-model.ts';
import { NO_RESPONSE_TIME } from './event-model.ts';
import { applyContentPatch } from './event-patch.ts';
import { removeOccurrence, updateOccurrence } from './occurrence-writer.ts';
import { meetingDeps, type WriterDeps } from './writer-deps.ts';

/**
 * Create (docs/reference/graph-calendar.md §3): transactionId de-duplication, then the organizer's item and the
 * attendees' copies.
 */
export function createEvent(deps: WriterDeps, mailbox: DirectoryUser, input: EventCreateInput): EventRecord {
  if (input.transactionId && deps.store.transactionEventId(mailbox.id, input.transactionId)) {
    // Observed Graph behaviour (docs/reference/graph-calendar.md §3): a reused transactionId is refused with 400, not
    // answered with the original.
    throw new GraphHttpError(
      400,
      'ErrorDuplicateTransactionId',
      "Your request can't be completed. The TransactionId specified in the request has already been used to create a different event.",
    );
  }
  const nowMs = deps.clock.now().getTime();
  const record = buildEventRecord(input, mailbox, { random: deps.random, nowMs, tenantId: mailbox.tenantId });
  deps.store.put(mailbox.id, record);
  if (record.transactionId) deps.store.rememberTransaction(mailbox.id, record.transactionId, record.id);
  deps.publish({
    tenantId: mailbox.tenantId,
    mailboxId: mailbox.id,
    eventId: record.id,
    changeType: 'created',
    changeKey: record.changeKey,
  });
  propagateToAttendees(record, mailbox.tenantId, meetingDeps(deps));
  return record;
}

function scheduleChanged(patch: EventPatchInput): boolean {
  return (
    patch.start !== undefined ||
    patch.end !== undefined ||
    patch.isAllDay !== undefined ||
    patch.recurrence !== undefined
  );
}

/** Applies a PATCH to a single instance or series master; recurrence edits rebuild the series. */
function patchRecord(deps: WriterDeps, record: EventRecord, patch: EventPatchInput, tenantId: string): EventRecord {
  const content = applyContentPatch(record, patch, {
    random: deps.random,
    tenantId,
    organizerId: record.organizerMailboxId,
  });
  const nowMs = deps.clock.now().getTime();
  const next: EventRecord = { ...record, ...content, changeKey: newChangeKey(deps.random), lastModifiedMs: nowMs };
  const recurrence = patch.recurrence !== undefined ? patch.recurrence : undefined;
  if (recurrence === null) {
    Object.assign(next, { type: 'singleInstance', recurrence: null, exceptions: {}, deletedOccurrences: [] });
  } else if (recurrence !== undefined || (record.recurrence && scheduleChanged(patch))) {
    // Changing a series' pattern or times drops its exceptions, as Outlook warns it will.
    const input = recurrence ?? seriesInputFrom(next);
    Object.assign(next, { exceptions: {}, deletedOccurrences: [] });
    applyRecurrence(next, input);
  }
  if (record.isOrganizer && scheduleChanged(patch)) {
    next.attendees = next.attendees.map((a) => ({ ...a, status: { response: 'none', time: NO_RESPONSE_TIME } }));
  }
  return next;
}

/** A series whose start moved keeps its pattern, re-anchored on the new start date. */
function seriesInputFrom(record: EventRecord): NonNullable<EventPatchInput['recurrence']> {
  const recurrence = record.recurrence as NonNullable<EventRecord['recurrence']>;
  const startDate = record.start.dateTime.slice(0, 10);
  return {
    pattern: { ...recurrence.pattern },
    range: {
      ...recurrence.range,
      startDate,
      endDate: [recurrence.range.endDate, startDate].sort()[1] as string,
    },
  };
}

/**
 * PATCH (docs/reference/graph-calendar.md §3): 200 with the new item; an occurrence becomes an exception; If-Match →
 * 412 when stale.
 */
export function updateEvent(
  deps: WriterDeps,
  mailbox: DirectoryUser,
  id: string,
  patch: EventPatchInput,
  ifMatch: string | undefined,
): string {
  const instance = findInstance(deps.store, mailbox.id, id);
  checkIfMatch(ifMatch, instance.changeKey);
  if (instance.occurrenceDate) {
    updateOccurrence(deps, mailbox, instance, patch);
    return instance.id;
  }
  const next = patchRecord(deps, instance.record, patch, mailbox.tenantId);
  deps.store.put(mailbox.id, next);
  deps.publish({
    tenantId: mailbox.tenantId,
    mailboxId: mailbox.id,
    eventId: next.id,
    changeType: 'updated',
    changeKey: next.changeKey,
  });
  // An attendee's change to their own copy stays on their calendar (Exchange meeting model).
  if (next.isOrganizer) propagateToAttendees(next, mailbox.tenantId, meetingDeps(deps), scheduleChanged(patch));
  return next.id;
}

/**
 * DELETE (204) and cancel (202): the organizer's removal cancels the attendees' copies
 * (docs/reference/graph-calendar.md §3).
 */
export function deleteEvent(deps: WriterDeps, mailbox: DirectoryUser, id: string, ifMatch: string | undefined): void {
  const instance = findInstance(deps.store, mailbox.id, id);
  checkIfMatch(ifMatch, instance.changeKey);
  if (instance.occurrenceDate) {
    removeOccurrence(deps, mailbox, instance);
    return;
  }
  deps.store.remove(mailbox.id, instance.record.id);
  deps.publish({
    tenantId: mailbox.tenantId,
    mailboxId: mailbox.id,
    eventId: instance.record.id,
    changeType: 'deleted',
  });
  if (instance.record.isOrganizer) cancelAllCopies(instance.record, mailbox.tenantId, meetingDeps(deps));
}

export function cancelEvent(deps: WriterDeps, mailbox: DirectoryUser, id: string): void {
  const instance = findInstance(deps.store, mailbox.id, id);
  if (!instance.record.isOrganizer) {
    throw new GraphHttpError(
      400,
      'ErrorAccessDenied',
      "Your request can't be completed. You need to be an organizer to cancel a meeting.",
    );
  }
  deleteEvent(deps, mailbox, id, undefined);
}
