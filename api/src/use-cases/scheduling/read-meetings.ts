import type { Meeting } from '../../domain/scheduling/meeting.ts';
import type { EventRecord } from '../../ports/scheduling-gateway.ts';
import { actorFor, type Caller } from './caller.ts';
import { loadMeetingFor } from './meeting-access.ts';
import { notify } from './notify.ts';
import type { SchedulingDeps } from './scheduling-deps.ts';

/** Upcoming meetings end after now (soonest first); past ones ended before now (latest first). */
export async function listMyMeetings(
  deps: SchedulingDeps,
  caller: Caller,
  scope: 'upcoming' | 'past',
  limit: number,
): Promise<Meeting[]> {
  const now = deps.clock.now();
  return deps.meetings.listForUser(caller.identity.tenantId, caller.mailbox.userId, {
    ...(scope === 'upcoming' ? { from: now } : { to: now }),
    statuses: ['scheduled', 'cancelled', 'creating'],
    limit,
    order: scope === 'upcoming' ? 'asc' : 'desc',
  });
}

/**
 * One meeting, with each attendee's response as Outlook has it now: responses arrive on the
 * organizer's event (Exchange updates its attendees[].status), so the organizer's read refreshes them.
 */
export async function getMeeting(deps: SchedulingDeps, caller: Caller, meetingId: string) {
  const { meeting, role } = await loadMeetingFor(deps, caller, meetingId);
  let current = meeting;
  if (role === 'organizer' && meeting.status === 'scheduled' && meeting.graphEventId) {
    const actor = await actorFor(deps, caller);
    const event = await deps.gateway.getEvent(actor, caller.mailbox, meeting.graphEventId);
    current = await syncFromEvent(deps, meeting, event);
  }
  const occurrences = await deps.meetings.listOccurrences(caller.identity.tenantId, meeting.id);
  return { meeting: current, occurrences };
}

/** Takes attendees' responses (and a cancellation or deletion made in Outlook) from the organizer's event. */
export async function syncFromEvent(
  deps: SchedulingDeps,
  meeting: Meeting,
  event: EventRecord | null,
): Promise<Meeting> {
  const now = deps.clock.now();
  let changed = false;
  let status = meeting.status;
  if (!event || event.isCancelled) {
    status = 'cancelled';
    changed = true;
  }
  // Every answer that reaches the organizer's event (through Confer or straight from Outlook) gives it a
  // new change key; the next update sends the key as If-Match, so a stale one would refuse every change.
  if (event && event.changeKey !== meeting.changeKey) changed = true;
  const attendees = meeting.attendees.map((a) => {
    const seen = event?.attendees.find((x) => x.email.toLowerCase() === a.email.toLowerCase());
    if (!seen || seen.response === a.response) return a;
    changed = true;
    return {
      ...a,
      response: seen.response,
      respondedAt: now,
      proposedStart: seen.proposedNewTime?.start ?? null,
      proposedEnd: seen.proposedNewTime?.end ?? null,
    };
  });
  if (!changed) return meeting;
  const updated: Meeting = {
    ...meeting,
    status,
    attendees,
    changeKey: event?.changeKey ?? meeting.changeKey,
    version: meeting.version + 1,
    updatedAt: now,
  };
  // Someone else saving first is fine: their copy is at least as fresh as ours.
  if (!(await deps.meetings.update(updated, meeting.version))) return meeting;
  await announceSynced(deps, meeting, updated);
  return updated;
}

/**
 * Answers and cancellations made in Outlook reach Confer here; the organizer hears about them as if
 * they had been made through Confer (a decline in Outlook still brings the reschedule card).
 */
async function announceSynced(deps: SchedulingDeps, before: Meeting, after: Meeting): Promise<void> {
  if (after.status === 'cancelled' && before.status !== 'cancelled') {
    await notify(deps, 'meetingCancelled', after.id, (n) => n.meetingCancelled(after));
    return;
  }
  for (const attendee of after.attendees) {
    const previous = before.attendees.find((a) => a.email === attendee.email);
    if (previous?.response === attendee.response) continue;
    await notify(deps, 'attendeeResponded', after.id, (n) => n.attendeeResponded(after, attendee.email));
  }
}
