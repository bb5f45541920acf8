import type { MeetingDto } from '@confer/contracts';
import type { Translator } from '@confer/contracts/i18n';

/**
 * The one other Confer person in a meeting, for "You and {name}": the organizer or an attendee with a Confer
 * account (guests without one are left out). Null when the viewer is unknown or there are several others.
 */
export function partnerIn(meeting: MeetingDto, myId: string | null): { userId: string; displayName: string } | null {
  if (!myId) return null;
  const people = [meeting.organizer, ...meeting.attendees];
  const others = new Map<string, string>();
  for (const person of people) {
    if (person.userId && person.userId !== myId) others.set(person.userId, person.displayName);
  }
  if (others.size !== 1) return null;
  const [entry] = [...others];
  return entry ? { userId: entry[0], displayName: entry[1] } : null;
}

/** "1 meeting", "3 meetings". */
export function meetingsText(i18n: Translator, count: number): string {
  return i18n.t('meeting.together.meetings', { count });
}
