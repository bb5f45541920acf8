import type { OutboundPayloads } from '@confer/bot/ports';
import type { Meeting } from '../../domain/scheduling/meeting.ts';

/**
 * The Entra ids of the people in a meeting whom the bot can reach: attendees Graph resolved in the
 * tenant (external guests have no id and no Teams chat with this bot), and the organizer if asked.
 */
export function recipientsOf(meeting: Meeting, options: { organizer: boolean }): string[] {
  const attendees = meeting.attendees
    .map((a) => a.userId)
    .filter((id): id is string => id !== null && id !== meeting.organizerId);
  return [...new Set(options.organizer ? [meeting.organizerId, ...attendees] : attendees)];
}

/**
 * What changed for the people in it: a new time, or what they see (title, agenda, place, people).
 * Only answers or Outlook bookkeeping (change key) changing is no change to announce.
 */
export function changeOf(before: Meeting, after: Meeting): OutboundPayloads['change-notice']['change'] | null {
  if (after.status === 'cancelled') return 'cancelled';
  if (before.start.getTime() !== after.start.getTime() || before.end.getTime() !== after.end.getTime()) {
    return 'rescheduled';
  }
  const people = (m: Meeting) =>
    m.attendees
      .map((a) => a.email)
      .sort()
      .join(',');
  const visible =
    before.recurrence?.count !== after.recurrence?.count ||
    before.online !== after.online ||
    before.outlookSubject !== after.outlookSubject ||
    before.title !== after.title ||
    before.agenda !== after.agenda ||
    before.location !== after.location ||
    people(before) !== people(after);
  return visible ? 'updated' : null;
}
