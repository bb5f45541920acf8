import type { Meeting } from '../../domain/scheduling/meeting.ts';
import { applyOutlookEvent } from '../sync/apply-outlook-event.ts';
import { actorFor, type Caller } from './caller.ts';
import { loadMeetingFor } from './meeting-access.ts';
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
 * organizer's event (Exchange updates its attendees[].status), so the organizer's read brings in whatever
 * Outlook changed that change notifications have not delivered yet.
 */
export async function getMeeting(deps: SchedulingDeps, caller: Caller, meetingId: string) {
  const { meeting, role } = await loadMeetingFor(deps, caller, meetingId);
  let current = meeting;
  if (role === 'organizer' && meeting.status === 'scheduled' && meeting.graphEventId) {
    const actor = await actorFor(deps, caller);
    const event = await deps.gateway.getEvent(actor, caller.mailbox, meeting.graphEventId);
    if ((await applyOutlookEvent(deps, meeting, event)) !== 'unchanged') {
      current = (await deps.meetings.get(meeting.tenantId, meeting.id)) ?? meeting;
    }
  }
  const occurrences = await deps.meetings.listOccurrences(caller.identity.tenantId, meeting.id);
  return { meeting: current, occurrences };
}
