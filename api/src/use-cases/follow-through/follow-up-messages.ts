import type { OutboundMessage } from '@confer/bot/ports';
import type { Meeting } from '../../domain/scheduling/meeting.ts';
import type { OccurrenceAttendance } from '../../ports/attendance-store.ts';

/**
 * Meeting types whose attendees get the follow-up too: in mentoring and check-ins both people keep notes and
 * actions. Wellbeing and performance conversations are the organizer's to record.
 */
const ATTENDEE_FOLLOW_UP_TYPES: ReadonlySet<string> = new Set(['mentoring-session', 'one-to-one-check-in']);

export function followUpKey(meetingId: string, occurrenceStart: Date, userId: string): string {
  return `follow-up:${meetingId}:${occurrenceStart.toISOString()}:${userId}`;
}

/** Whether the type sends follow-ups to attendees as well as the organizer. */
export function attendeesFollowUp(typeId: string | null): boolean {
  return typeId !== null && ATTENDEE_FOLLOW_UP_TYPES.has(typeId);
}

/**
 * The follow-up messages an occurrence's outcome calls for, keyed once per occurrence and person so that
 * planning them again sends nothing twice. Held or partly attended: the organizer, and attendees who joined
 * when the type says so. No-show: the organizer alone. In person and still untold: the organizer's "was it
 * held?". Unknown: nobody (never guess).
 */
export function followUpMessages(meeting: Meeting, record: OccurrenceAttendance, now: Date): OutboundMessage[] {
  const message = (userId: string): OutboundMessage => ({
    key: followUpKey(meeting.id, record.occurrenceStart, userId),
    tenantId: meeting.tenantId,
    userId,
    kind: 'follow-up',
    payload: { meetingId: meeting.id, occurrenceStart: record.occurrenceStart.toISOString() },
    notBefore: now,
  });
  switch (record.state) {
    case 'pending':
      return record.online ? [] : [message(meeting.organizerId)];
    case 'no_show':
      return [message(meeting.organizerId)];
    case 'unknown':
      return [];
    case 'held':
    case 'partly_attended': {
      const messages = [message(meeting.organizerId)];
      if (!attendeesFollowUp(meeting.typeId)) return messages;
      for (const person of record.participants) {
        if (person.role === 'attendee' && person.joined && person.userId) messages.push(message(person.userId));
      }
      return messages;
    }
  }
}
