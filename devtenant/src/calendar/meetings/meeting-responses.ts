import { z } from 'zod';
import type { DirectoryUser } from '../../graph/context.ts';
import { GraphHttpError } from '../../graph/context.ts';
import { newChangeKey, occurrenceId } from '../events/event-ids.ts';
import { dateTimeTimeZoneInput } from '../events/event-input.ts';
import { findInstance } from '../events/event-lookup.ts';
import type { Attendee, EventInstance, EventRecord, ResponseStatus, TimeSlot } from '../events/event-model.ts';
import { meetingDeps, type WriterDeps } from '../events/writer-deps.ts';
import { parseDateTimeTimeZone } from '../time/date-time.ts';
import { attendeeShowAs } from './attendee-copy.ts';
import { findOrganizerItem } from './meeting-propagation.ts';

export type ResponseAction = 'accept' | 'tentativelyAccept' | 'decline';
const RESPONSE: Record<ResponseAction, ResponseStatus['response']> = {
  accept: 'accepted',
  tentativelyAccept: 'tentativelyAccepted',
  decline: 'declined',
};

const acceptBody = z.strictObject({ comment: z.string().optional(), sendResponse: z.boolean().optional() });
const proposingBody = acceptBody.extend({
  proposedNewTime: z.object({ start: dateTimeTimeZoneInput, end: dateTimeTimeZoneInput }).optional(),
});
export type ResponseBody = z.infer<typeof proposingBody>;

/**
 * accept takes comment/sendResponse; tentativelyAccept and decline may also propose a new time
 * (docs/reference/graph-calendar.md §3).
 */
export function parseResponseBody(action: ResponseAction, body: unknown): ResponseBody {
  const schema = action === 'accept' ? acceptBody : proposingBody;
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new GraphHttpError(400, 'RequestBodyRead', `Invalid request body for '${action}': ${issue?.message ?? ''}`);
  }
  return parsed.data;
}

function invalidRequest(message: string): GraphHttpError {
  return new GraphHttpError(400, 'ErrorInvalidRequest', `Your request can't be completed. ${message}`);
}

function checkCanRespond(instance: EventInstance, body: ResponseBody): void {
  if (instance.record.isOrganizer) invalidRequestThrow("You can't respond to a meeting you organized.");
  if (instance.content.isCancelled) invalidRequestThrow('This meeting has been canceled.');
  if (body.proposedNewTime) {
    if (!instance.content.allowNewTimeProposals)
      invalidRequestThrow("The organizer doesn't allow new time proposals for this meeting.");
    if (body.sendResponse === false) invalidRequestThrow('A new time can only be proposed when the response is sent.');
    const start = parseDateTimeTimeZone(body.proposedNewTime.start, 'proposedNewTime.start');
    const end = parseDateTimeTimeZone(body.proposedNewTime.end, 'proposedNewTime.end');
    if (end < start) invalidRequestThrow('The proposed end must be after the proposed start.');
  }
}

function invalidRequestThrow(message: string): never {
  throw invalidRequest(message);
}

/** The attendee's own item: declining removes it from the calendar (Exchange moves it to Deleted Items). */
function updateOwnCopy(
  deps: WriterDeps,
  mailbox: DirectoryUser,
  instance: EventInstance,
  status: ResponseStatus,
  organizerShowAs: EventRecord['showAs'],
): void {
  const copy = instance.record;
  const tenantId = mailbox.tenantId;
  const nowMs = deps.clock.now().getTime();
  if (!instance.occurrenceDate) {
    if (status.response === 'declined') {
      deps.store.remove(mailbox.id, copy.id);
      deps.publish({ tenantId, mailboxId: mailbox.id, eventId: copy.id, changeType: 'deleted' });
      return;
    }
    const showAs = attendeeShowAs(status.response, organizerShowAs);
    const changeKey = newChangeKey(deps.random);
    deps.store.put(mailbox.id, { ...copy, responseStatus: status, showAs, changeKey, lastModifiedMs: nowMs });
    deps.publish({ tenantId, mailboxId: mailbox.id, eventId: copy.id, changeType: 'updated', changeKey });
    return;
  }
  const date = instance.occurrenceDate;
  if (status.response === 'declined') {
    const exceptions = { ...copy.exceptions };
    delete exceptions[date];
    deps.store.put(mailbox.id, { ...copy, exceptions, deletedOccurrences: [...copy.deletedOccurrences, date] });
    deps.publish({ tenantId, mailboxId: mailbox.id, eventId: instance.id, changeType: 'deleted' });
    return;
  }
  const changes = {
    ...copy.exceptions[date]?.changes,
    responseStatus: status,
    showAs: attendeeShowAs(status.response, organizerShowAs),
  };
  const changeKey = newChangeKey(deps.random);
  const exceptions = { ...copy.exceptions, [date]: { changes, changeKey, lastModifiedMs: nowMs } };
  deps.store.put(mailbox.id, { ...copy, exceptions });
  deps.publish({ tenantId, mailboxId: mailbox.id, eventId: instance.id, changeType: 'updated', changeKey });
}

function withResponse(
  attendees: Attendee[],
  address: string,
  status: ResponseStatus,
  proposed: TimeSlot | undefined,
): Attendee[] {
  return attendees.map((attendee) => {
    if (attendee.emailAddress.address.toLowerCase() !== address.toLowerCase()) return attendee;
    const { proposedNewTime: _dropped, ...rest } = attendee;
    return { ...rest, status, ...(proposed ? { proposedNewTime: proposed } : {}) };
  });
}

/** The response reaches the organizer's `attendees[].status` (for one occurrence: that exception's attendees). */
function updateOrganizer(
  deps: WriterDeps,
  mailbox: DirectoryUser,
  instance: EventInstance,
  status: ResponseStatus,
  proposed: TimeSlot | undefined,
): void {
  const found = findOrganizerItem(instance.record, meetingDeps(deps));
  if (!found) return;
  const address = mailbox.mail ?? mailbox.userPrincipalName;
  const organizer = found.record;
  const nowMs = deps.clock.now().getTime();
  let updated: EventRecord;
  let eventId = organizer.id;
  if (instance.occurrenceDate && organizer.recurrence) {
    const date = instance.occurrenceDate;
    const current = organizer.exceptions[date]?.changes.attendees ?? organizer.attendees;
    const changes = {
      ...organizer.exceptions[date]?.changes,
      attendees: withResponse(current, address, status, proposed),
    };
    updated = {
      ...organizer,
      exceptions: {
        ...organizer.exceptions,
        [date]: { changes, changeKey: newChangeKey(deps.random), lastModifiedMs: nowMs },
      },
    };
    eventId = occurrenceId(organizer.id, date);
  } else {
    const attendees = withResponse(organizer.attendees, address, status, proposed);
    updated = { ...organizer, attendees, changeKey: newChangeKey(deps.random), lastModifiedMs: nowMs };
  }
  deps.store.put(found.mailboxId, updated);
  deps.publish({
    tenantId: mailbox.tenantId,
    mailboxId: found.mailboxId,
    eventId,
    changeType: 'updated',
    changeKey: updated.changeKey,
  });
}

/** accept / tentativelyAccept / decline (202, docs/reference/graph-calendar.md §3). */
export function respondToEvent(
  deps: WriterDeps,
  mailbox: DirectoryUser,
  id: string,
  action: ResponseAction,
  body: ResponseBody,
): void {
  const instance = findInstance(deps.store, mailbox.id, id);
  checkCanRespond(instance, body);
  const status: ResponseStatus = {
    response: RESPONSE[action],
    time: deps.clock
      .now()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z'),
  };
  const organizerItem = findOrganizerItem(instance.record, meetingDeps(deps));
  updateOwnCopy(deps, mailbox, instance, status, organizerItem?.record.showAs ?? 'busy');
  // sendResponse:false answers locally only; the organizer's tracking is not updated (no response mail is sent).
  if (body.sendResponse !== false) updateOrganizer(deps, mailbox, instance, status, body.proposedNewTime);
}
