import type { MeetingCardView, MeetingPersonView } from '@confer/bot/ports';
import type { Meeting, MeetingAttendee } from '../../domain/scheduling/meeting.ts';
import { meetingUrl } from '../../domain/scheduling/meeting-body.ts';
import { attendeeOf, roleOf } from '../../domain/scheduling/meeting-roles.ts';
import { mayUseNotes } from '../../use-cases/scheduling/meeting-access.ts';
import type { SchedulingDeps } from '../../use-cases/scheduling/scheduling-deps.ts';

/** The person a card is for: their object id (which decides their part, see meeting-roles.ts) and zone. */
export interface Viewer {
  userId: string;
  timeZone: string | null;
}

/**
 * The meeting as one person's card shows it: their zone, their answer, the open actions and notes link.
 * Open actions only for those who may see them (meeting-access.ts): not for someone invited in Outlook only.
 */
export async function toMeetingCardView(
  deps: SchedulingDeps,
  meeting: Meeting,
  viewer: Viewer,
): Promise<MeetingCardView> {
  const role = roleOf(meeting, viewer.userId) ?? 'attendee';
  const [type, overrides, actions] = await Promise.all([
    meeting.typeId ? deps.meetingTypes.get(meeting.tenantId, meeting.typeId) : undefined,
    deps.meetings.listOccurrences(meeting.tenantId, meeting.id),
    mayUseNotes(meeting, viewer.userId) ? deps.notes.listActions(meeting.tenantId, meeting.id) : [],
  ]);
  const mine = attendeeOf(meeting, viewer.userId);
  return {
    meetingId: meeting.id,
    version: meeting.version,
    title: meeting.title,
    outlookSubject: meeting.outlookSubject,
    typeName: type?.name ?? null,
    agenda: meeting.agenda,
    start: meeting.start,
    end: meeting.end,
    timeZone: viewer.timeZone ?? meeting.timeZone,
    status: meeting.status === 'cancelled' ? 'cancelled' : 'scheduled',
    recurring: meeting.recurrence !== null,
    joinUrl: meeting.joinUrl,
    location: meeting.location,
    organizer: {
      userId: meeting.organizerId,
      email: meeting.organizerEmail,
      name: meeting.organizerName,
      response: 'organizer',
      proposed: null,
    },
    attendees: meeting.attendees.map(toPerson),
    viewer: {
      userId: viewer.userId,
      role,
      response: role === 'organizer' ? 'organizer' : (mine?.response ?? 'none'),
    },
    webUrl: meetingUrl(deps.tabUrl, meeting.id),
    openActions: actions
      .filter((action) => !action.done)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map((action) => ({ title: action.title, ownerName: action.ownerName, dueDate: action.dueDate })),
    overrides: overrides.map((o) => ({
      originalStart: o.originalStart,
      start: o.start,
      end: o.end,
      cancelled: o.cancelled,
    })),
  };
}

function toPerson(attendee: MeetingAttendee): MeetingPersonView {
  return {
    userId: attendee.userId,
    email: attendee.email,
    name: attendee.displayName,
    response: attendee.response,
    proposed:
      attendee.proposedStart && attendee.proposedEnd
        ? { start: attendee.proposedStart, end: attendee.proposedEnd }
        : null,
  };
}
