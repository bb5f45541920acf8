import type { CalendarStore } from '../calendar-store.ts';
import type { OnlineMeetingInfo } from './event-model.ts';

/**
 * A Teams meeting as the organizer's calendar item describes it. The online meetings feature builds Graph's
 * `onlineMeeting` from this: one per join URL, so a series (all its occurrences) is one meeting.
 */
export interface TeamsMeetingItem {
  organizerId: string;
  eventId: string;
  subject: string;
  startMs: number;
  endMs: number;
  createdMs: number;
  isRecurring: boolean;
  isCancelled: boolean;
  meeting: OnlineMeetingInfo;
  /** Invitees as the organizer's item lists them (addresses may be outside the tenant). */
  attendees: { address: string; name: string }[];
}

/** Every item the organizer owns that still carries a Teams join link (series masters and single instances). */
export function teamsMeetingsOf(store: CalendarStore, organizerId: string): TeamsMeetingItem[] {
  const found: TeamsMeetingItem[] = [];
  for (const record of store.records(organizerId)) {
    if (!record.isOrganizer || !record.onlineMeeting) continue;
    found.push({
      organizerId,
      eventId: record.id,
      subject: record.subject,
      startMs: record.startMs,
      endMs: record.endMs,
      createdMs: record.createdMs,
      isRecurring: record.recurrence !== null,
      isCancelled: record.isCancelled,
      meeting: structuredClone(record.onlineMeeting),
      attendees: record.attendees
        .filter((a) => a.type !== 'resource')
        .map((a) => ({ address: a.emailAddress.address, name: a.emailAddress.name })),
    });
  }
  return found;
}
