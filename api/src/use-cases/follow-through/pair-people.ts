import { seriesStarts } from '@confer/contracts/time';
import type { Meeting } from '../../domain/scheduling/meeting.ts';
import type { MeetingStore } from '../../ports/meeting-store.ts';
import type { TenantStore } from '../../ports/tenant-store.ts';

export interface PairPerson {
  userId: string;
  displayName: string;
  email: string;
}

/**
 * One person of a pair by name and address: from the people Confer knows, else from a meeting they were in (a
 * colleague who never opened Confer has no record yet). Null when neither knows them.
 */
export async function pairPerson(
  tenants: Pick<TenantStore, 'getUser'>,
  tenantId: string,
  userId: string,
  meeting: Pick<Meeting, 'organizerId' | 'organizerEmail' | 'organizerName' | 'attendees'> | undefined,
): Promise<PairPerson | null> {
  const user = await tenants.getUser(tenantId, userId);
  if (user) return { userId, displayName: user.displayName, email: user.email };
  if (meeting?.organizerId === userId) {
    return { userId, displayName: meeting.organizerName, email: meeting.organizerEmail };
  }
  const attendee = meeting?.attendees.find((a) => a.userId === userId);
  return attendee ? { userId, displayName: attendee.displayName, email: attendee.email } : null;
}

/**
 * The two people's next meeting together booked in Confer, and when it starts (a series: its next occurrence
 * from `now`); null when nothing is booked.
 */
export async function upcomingWith(
  meetings: Pick<MeetingStore, 'listForUser'>,
  tenantId: string,
  userId: string,
  partnerId: string,
  now: Date,
): Promise<{ meetingId: string; start: Date } | null> {
  const upcoming = await meetings.listForUser(tenantId, userId, {
    from: now,
    statuses: ['scheduled', 'creating'],
    limit: 500,
    order: 'asc',
  });
  let next: { meetingId: string; start: Date } | null = null;
  for (const meeting of upcoming) {
    const together = meeting.organizerId === partnerId || meeting.attendees.some((a) => a.userId === partnerId);
    if (!together) continue;
    const start = nextStart(meeting, now);
    if (!next || start.getTime() < next.start.getTime()) next = { meetingId: meeting.id, start };
  }
  return next;
}

/** A series' first occurrence still to end after `now` (its own start for a single meeting). */
function nextStart(meeting: Pick<Meeting, 'start' | 'end' | 'timeZone' | 'recurrence'>, now: Date): Date {
  if (!meeting.recurrence) return meeting.start;
  const durationMs = meeting.end.getTime() - meeting.start.getTime();
  for (const at of seriesStarts(meeting.start, meeting.timeZone, meeting.recurrence)) {
    if (at + durationMs > now.getTime()) return new Date(at);
  }
  return meeting.start;
}
