import type { Meeting, OccurrenceOverride } from '../domain/scheduling/meeting.ts';

/**
 * What happened to a meeting, for the people in it to hear about (the bot's cards and reminders).
 * Called after the change is saved; an implementation records what to send durably and returns, so a
 * failure to deliver never undoes or fails the change itself.
 */
export interface MeetingNotifier {
  meetingCreated(meeting: Meeting): Promise<void>;
  /** `origin: 'outlook'` when the change was made in Outlook and reached Confer through sync. */
  meetingChanged(before: Meeting, after: Meeting, origin?: 'confer' | 'outlook'): Promise<void>;
  meetingCancelled(meeting: Meeting): Promise<void>;
  attendeeResponded(meeting: Meeting, attendeeEmail: string): Promise<void>;
  /** An attendee proposed a new time in Outlook: the organizer gets a card to accept it in one click. */
  timeProposed(meeting: Meeting, attendeeEmail: string): Promise<void>;
  occurrenceChanged(meeting: Meeting, occurrence: OccurrenceOverride): Promise<void>;
}
