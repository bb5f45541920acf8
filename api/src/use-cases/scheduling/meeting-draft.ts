import type { Meeting } from '../../domain/scheduling/meeting.ts';
import { buildMeetingBody, meetingUrl } from '../../domain/scheduling/meeting-body.ts';
import type { EventDraft } from '../../ports/scheduling-gateway.ts';

/**
 * The Graph event for a meeting record. Rebuilt from the record alone, so the reconciler re-issues
 * exactly the create that was intended (same transactionId) after a crash.
 */
export function draftFor(meeting: Meeting, tabUrl: string, typeName: string | null): EventDraft {
  return {
    subject: meeting.title,
    bodyHtml: buildMeetingBody({ agenda: meeting.agenda, meetingUrl: meetingUrl(tabUrl, meeting.id), typeName }),
    start: meeting.start,
    end: meeting.end,
    timeZone: meeting.timeZone,
    attendees: meeting.attendees.map((a) => ({ email: a.email, name: a.displayName, type: a.type })),
    online: meeting.online,
    location: meeting.online ? null : meeting.location,
    recurrence: meeting.recurrence,
    transactionId: meeting.transactionId,
    allowNewTimeProposals: true,
  };
}
