import type {
  AttendeeResponse,
  EventAttendee,
  EventDraft,
  EventPatch,
  EventRecord,
} from '../../ports/scheduling-gateway.ts';
import type { GraphFullEvent } from './graph-event-schemas.ts';
import { toPatternedRecurrence } from './graph-recurrence.ts';
import { toInstant } from './graph-time.ts';
import { toDateTimeTimeZone } from './graph-zones.ts';

/** Everything an EventRecord needs, asked for explicitly (`$select`) on reads. */
export const EVENT_SELECT = [
  'id',
  'changeKey',
  'iCalUId',
  'type',
  'seriesMasterId',
  'subject',
  'start',
  'end',
  'isCancelled',
  'isOnlineMeeting',
  'onlineMeeting',
  'webLink',
  'location',
  'originalStart',
  'transactionId',
  'body',
  'attendees',
  'responseStatus',
].join(',');

/** The POST body of a create (docs/reference/graph-calendar.md §3; docs/reference/teams-platform.md §7). */
export function toGraphEvent(draft: EventDraft): Record<string, unknown> {
  const event: Record<string, unknown> = {
    subject: draft.subject,
    body: { contentType: 'HTML', content: draft.bodyHtml },
    start: toDateTimeTimeZone(draft.start, draft.timeZone),
    end: toDateTimeTimeZone(draft.end, draft.timeZone),
    attendees: draft.attendees.map(toGraphAttendee),
    allowNewTimeProposals: draft.allowNewTimeProposals,
    responseRequested: true,
    transactionId: draft.transactionId,
  };
  if (draft.online) {
    event.isOnlineMeeting = true;
    event.onlineMeetingProvider = 'teamsForBusiness';
  }
  if (draft.location) event.location = { displayName: draft.location };
  if (draft.recurrence) event.recurrence = toPatternedRecurrence(draft.recurrence, draft.start, draft.timeZone);
  return event;
}

/**
 * The PATCH body: only what changes (a PATCH of attendees alone mails only added/removed people,
 * docs/reference/graph-calendar.md §3).
 */
export function toGraphPatch(patch: EventPatch, bodyHtml: string | undefined): Record<string, unknown> {
  const zone = patch.timeZone ?? 'UTC';
  const out: Record<string, unknown> = {};
  if (patch.subject !== undefined) out.subject = patch.subject;
  if (bodyHtml !== undefined) out.body = { contentType: 'HTML', content: bodyHtml };
  if (patch.start) out.start = toDateTimeTimeZone(patch.start, zone);
  if (patch.end) out.end = toDateTimeTimeZone(patch.end, zone);
  if (patch.attendees) out.attendees = patch.attendees.map(toGraphAttendee);
  // Setting `location` replaces `locations` (docs/reference/graph-calendar.md §3); an empty display name clears it.
  if (patch.location !== undefined) out.location = { displayName: patch.location ?? '' };
  return out;
}

function toGraphAttendee(attendee: EventAttendee) {
  return { emailAddress: { address: attendee.email, name: attendee.name }, type: attendee.type };
}

export function toEventRecord(event: GraphFullEvent): EventRecord {
  return {
    id: event.id,
    iCalUId: event.iCalUId ?? '',
    changeKey: event.changeKey ?? changeKeyOf(event['@odata.etag']) ?? '',
    type: event.type,
    seriesMasterId: event.seriesMasterId ?? null,
    subject: event.subject ?? '',
    start: toInstant(event.start),
    end: toInstant(event.end),
    isCancelled: event.isCancelled ?? false,
    isOnlineMeeting: event.isOnlineMeeting ?? false,
    joinUrl: event.onlineMeeting?.joinUrl ?? null,
    webLink: event.webLink ?? null,
    location: event.location?.displayName || null,
    originalStart: parseOriginalStart(event.originalStart),
    transactionId: event.transactionId ?? null,
    bodyHtml: event.body?.content ?? '',
    attendees: (event.attendees ?? []).map((a) => ({
      email: a.emailAddress.address ?? '',
      name: a.emailAddress.name ?? a.emailAddress.address ?? '',
      response: (a.status?.response ?? 'none') as AttendeeResponse,
      proposedNewTime: a.proposedNewTime
        ? { start: toInstant(a.proposedNewTime.start), end: toInstant(a.proposedNewTime.end) }
        : null,
    })),
    ownResponse: (event.responseStatus?.response ?? 'none') as AttendeeResponse,
  };
}

/** An occurrence's `originalStart`; anything that is not an instant counts as absent. */
function parseOriginalStart(value: string | null | undefined): Date | null {
  if (!value) return null;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

/**
 * Graph's event etag is the changeKey in a weak ETag, `W/"{changeKey}"` (docs/reference/graph-calendar.md §3);
 * anything else carries none. Reads and change notifications both take the change key from here.
 */
export function changeKeyOf(etag: string | undefined): string | null {
  const match = etag ? /^W\/"([^"]+)"$/.exec(etag) : null;
  return match?.[1] ?? null;
}

/** The If-Match header for a change key Confer saw. */
export function ifMatchHeader(changeKey: string): string {
  return changeKey.startsWith('W/') ? changeKey : `W/"${changeKey}"`;
}
