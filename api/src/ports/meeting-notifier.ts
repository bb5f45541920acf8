import type { Meeting, OccurrenceOverride } from '../domain/scheduling/meeting.ts';

/**
 * What happened to a meeting, for the people in it to hear about (the bot's cards and reminders).
 * Called after the change is saved; an implementation records what to send durably and returns, so a
 * failure to deliver never undoes or fails the change itself.
 */
export interface MeetingNotifier {
  meetingCreated(meeting: Meeting): Promise<void>;
  meetingChanged(before: Meeting, after: Meeting): Promise<void>;
  meetingCancelled(meeting: Meeting): Promise<void>;
  attendeeResponded(meeting: Meeting, attendeeEmail: string): Promise<void>;
  occurrenceChanged(meeting: Meeting, occurrence: OccurrenceOverride): Promise<void>;
}
