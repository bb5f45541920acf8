import type { Identity } from './identity.ts';

export interface MailboxProfile {
  id: string;
  displayName: string;
  userPrincipalName: string;
  /** IANA zone converted from the mailbox setting (Graph reports Windows names). */
  timeZone: string;
}

/** One calendar entry as read from Graph, times as UTC instants. */
export interface CalendarEntry {
  id: string;
  subject: string;
  start: Date;
  end: Date;
  isAllDay: boolean;
  showAs: 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';
  type: 'singleInstance' | 'occurrence' | 'exception' | 'seriesMaster';
  sensitivity: 'normal' | 'personal' | 'private' | 'confidential';
  location: string | null;
  isOnlineMeeting: boolean;
  joinUrl: string | null;
  organizer: string | null;
  isOrganizer: boolean;
  isCancelled: boolean;
}

/** The signed-in user's own calendar, read on their behalf (delegated). */
export interface CalendarGateway {
  getProfile(identity: Identity): Promise<MailboxProfile>;
  /** Every entry overlapping `[start, end)`, recurring series expanded into occurrences. */
  listCalendarView(identity: Identity, window: { start: Date; end: Date }): Promise<CalendarEntry[]>;
}
