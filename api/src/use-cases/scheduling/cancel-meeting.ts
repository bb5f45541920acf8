import { AppError } from '../../domain/app-error.ts';
import type { Meeting } from '../../domain/scheduling/meeting.ts';
import { actorFor, type Caller } from './caller.ts';
import { loadMeetingFor, requireScheduled } from './meeting-access.ts';
import { notify } from './notify.ts';
import { respondToMeeting } from './respond-to-meeting.ts';
import type { SchedulingDeps } from './scheduling-deps.ts';

/**
 * The organizer cancels (attendees get Outlook's cancellation with the message); an attendee who
 * "cancels" declines instead, since only an organizer can cancel a meeting (docs/reference/graph-calendar.md §3).
 */
export async function cancelMeeting(
  deps: SchedulingDeps,
  caller: Caller,
  meetingId: string,
  request: { message: string; version: number },
): Promise<Meeting> {
  const { meeting, role } = await loadMeetingFor(deps, caller, meetingId);
  if (role === 'attendee') {
    return respondToMeeting(deps, caller, meetingId, { response: 'decline', comment: request.message });
  }
  requireScheduled(meeting);
  if (request.version !== meeting.version) {
    throw new AppError('version_conflict', 'This meeting changed since you opened it. Reload and try again.');
  }
  const actor = await actorFor(deps, caller);
  await deps.gateway.cancelEvent(actor, caller.mailbox, meeting.graphEventId ?? '', request.message);
  const now = deps.clock.now();
  const cancelled: Meeting = { ...meeting, status: 'cancelled', version: meeting.version + 1, updatedAt: now };
  if (!(await deps.meetings.update(cancelled, meeting.version))) {
    throw new AppError('version_conflict', 'This meeting changed while cancelling. Reload to see it.');
  }
  deps.availabilityCache.invalidateTenant(meeting.tenantId);
  await deps.history.append(meeting.tenantId, {
    meetingId: meeting.id,
    at: now,
    actorId: caller.mailbox.userId,
    kind: 'cancelled',
    summary: `${caller.displayName} cancelled the meeting`,
    details: { message: request.message.length > 0 },
  });
  await notify(deps, 'meetingCancelled', meeting.id, (n) => n.meetingCancelled(cancelled));
  return cancelled;
}
