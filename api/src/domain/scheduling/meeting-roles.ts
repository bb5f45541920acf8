import type { Meeting, MeetingAttendee } from './meeting.ts';

export type MeetingRole = 'organizer' | 'attendee';

/*
 * Who takes part in a meeting is decided by Entra object id (the token's `oid`, the activity's
 * aadObjectId) and nothing else. A sign-in name or mail address can be renamed, and a freed one can be
 * given to a different account later; an object id is never reused. An attendee without an object id
 * (someone the directory did not know when they were invited) has the Outlook invitation but no access
 * through Confer: no address alone grants it.
 */

/** The attendee entry of this person, by object id. */
export function attendeeOf(meeting: Meeting, userId: string): MeetingAttendee | undefined {
  return meeting.attendees.find((attendee) => attendee.userId !== null && attendee.userId === userId);
}

/** The person's part in the meeting, or null when they take no part. */
export function roleOf(meeting: Meeting, userId: string): MeetingRole | null {
  if (meeting.organizerId === userId) return 'organizer';
  return attendeeOf(meeting, userId) ? 'attendee' : null;
}
