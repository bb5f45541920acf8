import type { DateTimeTimeZone } from '../time/date-time.ts';

/**
 * Values of Graph's `freeBusyStatus` (event.showAs and scheduleItem.status), docs/reference/graph-calendar.md §1,
 * docs/reference/graph-calendar.md §3.
 */
export const SHOW_AS = ['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'] as const;
export type ShowAs = (typeof SHOW_AS)[number];
export const SENSITIVITIES = ['normal', 'personal', 'private', 'confidential'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];
export type ResponseType = 'none' | 'organizer' | 'tentativelyAccepted' | 'accepted' | 'declined' | 'notResponded';
export type Importance = 'low' | 'normal' | 'high';

export interface EmailAddress {
  name: string;
  address: string;
}

export interface ResponseStatus {
  response: ResponseType;
  time: string;
}

export interface TimeSlot {
  start: DateTimeTimeZone;
  end: DateTimeTimeZone;
}

export interface Attendee {
  type: 'required' | 'optional' | 'resource';
  status: ResponseStatus;
  emailAddress: EmailAddress;
  proposedNewTime?: TimeSlot;
}

export interface Location {
  displayName: string;
  locationType: string;
  uniqueId: string | null;
  uniqueIdType: string;
}

export interface OnlineMeetingInfo {
  joinUrl: string;
  conferenceId: string;
  tollNumber: string;
  tollFreeNumbers: string[];
  quickDial: string;
  phones: { number: string; type: string }[];
}

export type DayOfWeek = 'sunday' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday';

export interface RecurrencePattern {
  type: 'daily' | 'weekly' | 'absoluteMonthly' | 'relativeMonthly' | 'absoluteYearly' | 'relativeYearly';
  interval: number;
  month: number;
  dayOfMonth: number;
  daysOfWeek: DayOfWeek[];
  firstDayOfWeek: DayOfWeek;
  index: 'first' | 'second' | 'third' | 'fourth' | 'last';
}

export interface RecurrenceRange {
  type: 'endDate' | 'noEnd' | 'numbered';
  startDate: string;
  endDate: string;
  recurrenceTimeZone: string;
  numberOfOccurrences: number;
}

export interface PatternedRecurrence {
  pattern: RecurrencePattern;
  range: RecurrenceRange;
}

/**
 * Everything an occurrence can carry differently from its series (an exception), docs/reference/graph-calendar.md §3.
 */
export interface EventContent {
  subject: string;
  body: { contentType: 'html' | 'text'; content: string };
  /** As the client gave it: wall-clock time plus the zone name it was written in. */
  start: DateTimeTimeZone;
  end: DateTimeTimeZone;
  startMs: number;
  endMs: number;
  isAllDay: boolean;
  location: Location;
  locations: Location[];
  attendees: Attendee[];
  showAs: ShowAs;
  sensitivity: Sensitivity;
  importance: Importance;
  categories: string[];
  isReminderOn: boolean;
  reminderMinutesBeforeStart: number;
  responseRequested: boolean;
  allowNewTimeProposals: boolean;
  hideAttendees: boolean;
  isOnlineMeeting: boolean;
  onlineMeetingProvider: string;
  onlineMeeting: OnlineMeetingInfo | null;
  responseStatus: ResponseStatus;
  isCancelled: boolean;
}

/** An exception: the fields changed on one occurrence, keyed by the occurrence's original date. */
export interface OccurrenceOverride {
  changes: Partial<EventContent>;
  changeKey: string;
  lastModifiedMs: number;
}

/** One stored item of a mailbox's primary calendar: a single instance or a series master. */
export interface EventRecord extends EventContent {
  id: string;
  type: 'singleInstance' | 'seriesMaster';
  iCalUId: string;
  createdMs: number;
  lastModifiedMs: number;
  changeKey: string;
  transactionId: string | null;
  isOrganizer: boolean;
  organizer: { emailAddress: EmailAddress };
  /** Mailbox (object id) of the organizer; links an attendee's copy to the organizer's item. */
  organizerMailboxId: string;
  originalStartTimeZone: string;
  originalEndTimeZone: string;
  recurrence: PatternedRecurrence | null;
  /** Original occurrence date (`yyyy-MM-dd` in the event zone) → exception. */
  exceptions: Record<string, OccurrenceOverride>;
  /** Original occurrence dates removed from the series (deleted or cancelled by the organizer). */
  deletedOccurrences: string[];
}

/** A concrete item in a time window: a single instance, or one occurrence/exception of a series. */
export interface EventInstance {
  record: EventRecord;
  /** Set for occurrences and exceptions. */
  occurrenceDate?: string;
  content: EventContent;
  id: string;
  type: 'singleInstance' | 'occurrence' | 'exception' | 'seriesMaster';
  changeKey: string;
  lastModifiedMs: number;
}

export const NO_RESPONSE_TIME = '0001-01-01T00:00:00Z';
