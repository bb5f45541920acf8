import type { updateMeetingRequestSchema } from '@confer/contracts';
import type { z } from 'zod';
import { AppError, isAppError } from '../../domain/app-error.ts';
import type { Meeting, MeetingAttendee } from '../../domain/scheduling/meeting.ts';
import { buildMeetingBody, meetingUrl } from '../../domain/scheduling/meeting-body.ts';
import type { EventPatch } from '../../ports/scheduling-gateway.ts';
import { outlookChangedMeanwhile } from '../sync/outlook-conflict.ts';
import { actorFor, type Caller } from './caller.ts';
import { checkConflicts, validateTimes } from './check-conflicts.ts';
import { conflictsDetails } from './conflict-details.ts';
import { rejectUnknownColleagues } from './load-availability.ts';
import { loadMeetingFor, requireOrganizer, requireScheduled } from './meeting-access.ts';
import { notify } from './notify.ts';
import type { SchedulingDeps } from './scheduling-deps.ts';

type UpdateRequest = z.infer<typeof updateMeetingRequestSchema>;

/**
 * The organizer changes time, place, people or agenda of a meeting (the whole series for a recurring
 * one): version check → clash check → Graph PATCH guarded by the changeKey Confer last saw (the Teams
 * join block is preserved by the gateway) → save.
 */
export async function updateMeeting(deps: SchedulingDeps, caller: Caller, meetingId: string, request: UpdateRequest) {
  const { meeting, role } = await loadMeetingFor(deps, caller, meetingId);
  requireOrganizer(role);
  requireScheduled(meeting);
  if (request.version !== meeting.version) {
    throw new AppError('version_conflict', 'This meeting changed since you opened it. Reload and try again.');
  }
  const start = request.start ? new Date(request.start) : meeting.start;
  const end = request.end ? new Date(request.end) : meeting.end;
  const timeZone = request.timeZone ?? meeting.timeZone;
  const emails = request.attendees?.map((e) => e.toLowerCase()) ?? meeting.attendees.map((a) => a.email);
  const moved = start.getTime() !== meeting.start.getTime() || end.getTime() !== meeting.end.getTime();
  const peopleChanged =
    request.attendees !== undefined &&
    !sameSet(
      emails,
      meeting.attendees.map((a) => a.email),
    );
  if (moved) validateTimes(start, end);
  // Checked here, not only by the clash check, which `acceptConflicts` skips.
  if (peopleChanged && emails.includes(caller.mailbox.email)) {
    throw new AppError('validation_failed', 'You are the organizer: list only the other people.');
  }
  if ((moved || peopleChanged) && !request.acceptConflicts) {
    const proposed = { start, end, timeZone, recurrence: meeting.recurrence };
    const conflicts = await checkConflicts(deps, caller, emails, proposed, { ignore: meeting });
    if (conflicts.length > 0) {
      throw new AppError('conflicts_found', 'Someone is busy at the new time.', {
        details: conflictsDetails(conflicts),
      });
    }
  }
  // Naming someone invited in Outlook in Confer's own list adds them in Confer: Confer's record changes even
  // when the list is the one Outlook already has (then the event itself is left as it is).
  const addsOutlookInvitees =
    request.attendees !== undefined && meeting.attendees.some((a) => a.addedInOutlook && emails.includes(a.email));
  const actor = await actorFor(deps, caller);
  const attendees =
    peopleChanged || addsOutlookInvitees
      ? await mergeAttendees(deps, caller, actor, meeting.attendees, emails)
      : meeting.attendees;
  const title = request.title ?? meeting.title;
  const agenda = request.agenda ?? meeting.agenda;
  const location = request.location === undefined ? meeting.location : request.location;
  const patch: EventPatch = {
    ...(title !== meeting.title ? { subject: title } : {}),
    ...(agenda !== meeting.agenda ? { bodyHtml: await bodyFor(deps, meeting, agenda) } : {}),
    ...(moved || timeZone !== meeting.timeZone ? { start, end, timeZone } : {}),
    ...(peopleChanged
      ? { attendees: attendees.map((a) => ({ email: a.email, name: a.displayName, type: a.type })) }
      : {}),
    ...(location !== meeting.location && !meeting.online ? { location } : {}),
  };
  // Nothing changed: no Graph call, no update mail to everyone, no history entry.
  if (Object.keys(patch).length === 0 && !addsOutlookInvitees) return meeting;
  const event =
    Object.keys(patch).length === 0
      ? null
      : await deps.gateway
          .updateEvent(actor, caller.mailbox, meeting.graphEventId ?? '', patch, meeting.changeKey ?? undefined)
          .catch((error: unknown) => {
            if (isAppError(error) && error.code === 'conflict') {
              return outlookChangedMeanwhile(deps, meeting, actor, caller.mailbox);
            }
            throw error;
          });
  const updated: Meeting = {
    ...meeting,
    title,
    agenda,
    start,
    end,
    timeZone,
    location: meeting.online ? null : location,
    // Exchange asks everyone again when the time moves.
    attendees: moved ? attendees.map(resetResponse) : attendees,
    changeKey: event ? event.changeKey : meeting.changeKey,
    version: meeting.version + 1,
    updatedAt: deps.clock.now(),
  };
  if (!(await deps.meetings.update(updated, meeting.version))) {
    throw new AppError('version_conflict', 'This meeting changed while saving. Reload and try again.');
  }
  deps.availabilityCache.invalidateTenant(meeting.tenantId);
  await deps.history.append(meeting.tenantId, {
    meetingId: meeting.id,
    at: deps.clock.now(),
    actorId: caller.mailbox.userId,
    kind: moved ? 'rescheduled' : 'updated',
    summary: moved ? `${caller.displayName} moved the meeting` : `${caller.displayName} updated the meeting`,
    details: moved
      ? { from: meeting.start.toISOString(), to: start.toISOString() }
      : { fields: addsOutlookInvitees && !patch.attendees ? [...Object.keys(patch), 'attendees'] : Object.keys(patch) },
  });
  await notify(deps, 'meetingChanged', meeting.id, (n) => n.meetingChanged(meeting, updated));
  return updated;
}

async function bodyFor(deps: SchedulingDeps, meeting: Meeting, agenda: string): Promise<string> {
  const type = meeting.typeId ? await deps.meetingTypes.get(meeting.tenantId, meeting.typeId) : undefined;
  return buildMeetingBody({ agenda, meetingUrl: meetingUrl(deps.tabUrl, meeting.id), typeName: type?.name ?? null });
}

/** Keeps who stays (with their answers) and looks up who is new; a typo at the organizer's domain is refused. */
async function mergeAttendees(
  deps: SchedulingDeps,
  caller: Caller,
  actor: Awaited<ReturnType<typeof actorFor>>,
  current: readonly MeetingAttendee[],
  emails: readonly string[],
): Promise<MeetingAttendee[]> {
  const added = emails.filter((e) => !current.some((a) => a.email === e));
  const directory = added.length ? await deps.directory.resolveEmails(actor, added) : new Map();
  rejectUnknownColleagues(caller, added, directory);
  return emails.map((email) => {
    const kept = current.find((a) => a.email === email);
    // Naming someone invited in Outlook in Confer's own list is the organizer adding them in Confer.
    if (kept) return kept.addedInOutlook ? { ...kept, addedInOutlook: false } : kept;
    const entry = directory.get(email);
    return {
      email,
      userId: entry?.userId ?? null,
      displayName: entry?.displayName ?? email,
      type: 'required',
      response: 'none',
      respondedAt: null,
      proposedStart: null,
      proposedEnd: null,
      addedInOutlook: false,
    };
  });
}

function resetResponse(attendee: MeetingAttendee): MeetingAttendee {
  return { ...attendee, response: 'none', respondedAt: null, proposedStart: null, proposedEnd: null };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
