import type { MeetingDto } from '@confer/contracts';
import type { Meeting, OccurrenceOverride } from '../../domain/scheduling/meeting.ts';
import { meetingUrl } from '../../domain/scheduling/meeting-body.ts';
import { attendeeOf } from '../../domain/scheduling/meeting-roles.ts';
import type { Caller } from './caller.ts';

/** A meeting as the API shows it to one person. */
export function toMeetingDto(
  meeting: Meeting,
  caller: Caller,
  tabUrl: string,
  occurrences: readonly OccurrenceOverride[] = [],
): MeetingDto {
  const isOrganizer = meeting.organizerId === caller.mailbox.userId;
  const mine = attendeeOf(meeting, caller.mailbox.userId);
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: meeting.id,
    title: meeting.title,
    outlookSubject: meeting.outlookSubject,
    agenda: meeting.agenda,
    typeId: meeting.typeId,
    organizer: { userId: meeting.organizerId, email: meeting.organizerEmail, displayName: meeting.organizerName },
    isOrganizer,
    start: meeting.start.toISOString(),
    end: meeting.end.toISOString(),
    timeZone: meeting.timeZone,
    recurrence: meeting.recurrence,
    online: meeting.online,
    joinUrl: meeting.joinUrl,
    location: meeting.location,
    status: meeting.status,
    attendees: meeting.attendees.map((a) => ({
      email: a.email,
      userId: a.userId,
      displayName: a.displayName,
      type: a.type,
      response: a.response,
      respondedAt: iso(a.respondedAt),
      proposedStart: iso(a.proposedStart),
      proposedEnd: iso(a.proposedEnd),
      addedInOutlook: a.addedInOutlook,
    })),
    myResponse: isOrganizer ? 'organizer' : (mine?.response ?? 'none'),
    version: meeting.version,
    webUrl: meetingUrl(tabUrl, meeting.id),
    occurrences: occurrences.map((o) => ({
      originalStart: o.originalStart.toISOString(),
      start: o.start.toISOString(),
      end: o.end.toISOString(),
      cancelled: o.cancelled,
    })),
  };
}
