import type { CalendarChange, Directory, DirectoryUser } from '../../graph/context.ts';
import type { CalendarStore } from '../calendar-store.ts';
import type { RandomBytes } from '../events/event-ids.ts';
import type { EventRecord } from '../events/event-model.ts';
import { buildAttendeeCopy, cancelCopy } from './attendee-copy.ts';

export interface MeetingDeps {
  store: CalendarStore;
  directory: Directory;
  random: RandomBytes;
  nowMs: number;
  publish(change: CalendarChange): void;
}

/** Internal attendees with a mailbox; external addresses get nothing in the tenant (Exchange sends them mail). */
export function internalAttendees(record: EventRecord, deps: MeetingDeps, tenantId: string): DirectoryUser[] {
  const users: DirectoryUser[] = [];
  for (const attendee of record.attendees) {
    const user = deps.directory.findByEmail(tenantId, attendee.emailAddress.address);
    if (user?.mail && user.id !== record.organizerMailboxId && !users.some((u) => u.id === user.id)) users.push(user);
  }
  return users;
}

function copiesOf(record: EventRecord, deps: MeetingDeps): { mailboxId: string; record: EventRecord }[] {
  return deps.store.findByICalUId(record.iCalUId).filter((found) => !found.record.isOrganizer);
}

function isDeclined(record: EventRecord, user: DirectoryUser): boolean {
  const address = user.mail?.toLowerCase();
  const attendee = record.attendees.find((a) => a.emailAddress.address.toLowerCase() === address);
  return attendee?.status.response === 'declined';
}

/**
 * Brings every internal attendee's copy in line with the organizer's item: new attendees get a copy, removed
 * ones see theirs cancelled, the rest are updated (keeping their response unless `resetResponses`).
 */
export function propagateToAttendees(
  organizer: EventRecord,
  tenantId: string,
  deps: MeetingDeps,
  resetResponses = false,
): void {
  const copies = copiesOf(organizer, deps);
  const attendees = internalAttendees(organizer, deps, tenantId);
  for (const user of attendees) {
    const existing = copies.find((c) => c.mailboxId === user.id)?.record;
    if (!existing && isDeclined(organizer, user) && !resetResponses) continue;
    const copy = buildAttendeeCopy(organizer, existing, resetResponses, deps);
    if (existing && existing.changeKey === copy.changeKey) continue;
    deps.store.put(user.id, copy);
    deps.publish({
      tenantId,
      mailboxId: user.id,
      eventId: copy.id,
      changeType: existing ? 'updated' : 'created',
      changeKey: copy.changeKey,
    });
  }
  for (const copy of copies) {
    if (attendees.some((u) => u.id === copy.mailboxId) || copy.record.isCancelled) continue;
    cancelStoredCopy(copy.mailboxId, copy.record, tenantId, deps);
  }
}

function cancelStoredCopy(mailboxId: string, copy: EventRecord, tenantId: string, deps: MeetingDeps): void {
  const cancelled = cancelCopy(copy, deps);
  deps.store.put(mailboxId, cancelled);
  deps.publish({ tenantId, mailboxId, eventId: cancelled.id, changeType: 'updated', changeKey: cancelled.changeKey });
}

/** The organizer deleted or cancelled the whole meeting: every attendee's copy becomes `isCancelled: true`. */
export function cancelAllCopies(organizer: EventRecord, tenantId: string, deps: MeetingDeps): void {
  for (const copy of copiesOf(organizer, deps)) {
    if (!copy.record.isCancelled) cancelStoredCopy(copy.mailboxId, copy.record, tenantId, deps);
  }
}

/** The organizer's item behind an attendee's copy, if the organizer is in this tenant and still has it. */
export function findOrganizerItem(
  copy: EventRecord,
  deps: MeetingDeps,
): { mailboxId: string; record: EventRecord } | undefined {
  return deps.store
    .findByICalUId(copy.iCalUId)
    .find((found) => found.record.isOrganizer && found.mailboxId === copy.organizerMailboxId);
}
