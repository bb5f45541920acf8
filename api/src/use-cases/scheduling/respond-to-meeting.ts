import { AppError } from '../../domain/app-error.ts';
import type { Meeting, MeetingAttendee } from '../../domain/scheduling/meeting.ts';
import type { AttendeeResponse, ResponseKind } from '../../ports/scheduling-gateway.ts';
import { actorFor, type Caller } from './caller.ts';
import { loadMeetingFor, requireScheduled } from './meeting-access.ts';
import { notify } from './notify.ts';
import type { SchedulingDeps } from './scheduling-deps.ts';

const DAY_MS = 86_400_000;
const recorded: Record<ResponseKind, AttendeeResponse> = {
  accept: 'accepted',
  tentative: 'tentativelyAccepted',
  decline: 'declined',
};

/**
 * An attendee answers on their own copy of the invitation, as themselves, so Outlook sends the
 * organizer the response and updates the organizer's event; Confer records it too.
 */
export async function respondToMeeting(
  deps: SchedulingDeps,
  caller: Caller,
  meetingId: string,
  request: { response: ResponseKind; comment: string; proposedStart?: string; proposedEnd?: string },
): Promise<Meeting> {
  const { meeting, role } = await loadMeetingFor(deps, caller, meetingId);
  if (role === 'organizer') throw new AppError('forbidden', 'You organise this meeting; there is nothing to answer.');
  requireScheduled(meeting);
  const proposed =
    request.proposedStart && request.proposedEnd
      ? { start: new Date(request.proposedStart), end: new Date(request.proposedEnd) }
      : undefined;
  if (proposed && proposed.end <= proposed.start) {
    throw new AppError('validation_failed', 'The proposed time must end after it starts.');
  }
  const actor = await actorFor(deps, caller);
  const around = { start: new Date(meeting.start.getTime() - DAY_MS), end: new Date(meeting.end.getTime() + DAY_MS) };
  const copy = meeting.iCalUId
    ? await deps.gateway.findEventByICalUId(actor, caller.mailbox, meeting.iCalUId, around)
    : null;
  if (!copy) throw new AppError('not_found', 'The invitation is not in your calendar yet. Try again in a minute.');
  await deps.gateway.respond(actor, caller.mailbox, copy.id, request.response, {
    ...(request.comment ? { comment: request.comment } : {}),
    ...(proposed ? { proposedNewTime: proposed } : {}),
    sendResponse: true,
  });
  return recordResponse(deps, caller, meeting, request.response, proposed);
}

async function recordResponse(
  deps: SchedulingDeps,
  caller: Caller,
  meeting: Meeting,
  response: ResponseKind,
  proposed: { start: Date; end: Date } | undefined,
): Promise<Meeting> {
  const now = deps.clock.now();
  // The caller's own entry, by object id (loadMeetingFor let them in by it); no address is matched.
  const answer = (a: MeetingAttendee): MeetingAttendee =>
    a.userId === caller.mailbox.userId
      ? {
          ...a,
          response: recorded[response],
          respondedAt: now,
          proposedStart: proposed?.start ?? null,
          proposedEnd: proposed?.end ?? null,
        }
      : a;
  // Outlook already has the answer; a concurrent save of the record is retried on a fresh read.
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = attempt === 0 ? meeting : await deps.meetings.get(meeting.tenantId, meeting.id);
    if (!current) break;
    const updated = {
      ...current,
      attendees: current.attendees.map(answer),
      version: current.version + 1,
      updatedAt: now,
    };
    if (await deps.meetings.update(updated, current.version)) {
      await deps.history.append(meeting.tenantId, {
        meetingId: meeting.id,
        at: now,
        actorId: caller.mailbox.userId,
        kind: 'responded',
        summary: `${caller.displayName} ${recorded[response]}`,
        details: { response, proposed: Boolean(proposed) },
      });
      deps.availabilityCache.invalidateTenant(meeting.tenantId);
      const email = updated.attendees.find((a) => a.userId === caller.mailbox.userId)?.email ?? caller.mailbox.email;
      await notify(deps, 'attendeeResponded', meeting.id, (n) => n.attendeeResponded(updated, email));
      return updated;
    }
  }
  throw new AppError('version_conflict', 'Your answer reached Outlook but Confer could not record it. Reload.');
}
