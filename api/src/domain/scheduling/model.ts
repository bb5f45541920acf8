/**
 * The scheduling vocabulary shared by the domain, the ports and the adapters. Times are UTC instants
 * (`Date`) plus IANA zone names; every interval is half-open `[start, end)`.
 */

import type { RecurrenceKind } from '@confer/contracts';
import type { Weekday } from '@confer/contracts/time';

export interface Interval {
  start: Date;
  end: Date;
}

import type { FreeBusyStatus } from '@confer/contracts';

/** How a block of time shows on a calendar: the contracts' list, which the tab and the API share. */
export type { FreeBusyStatus };

export interface BusyBlock extends Interval {
  status: FreeBusyStatus;
  /** Only for the organizer's own calendar: other people's blocks never carry titles. */
  subject?: string;
  /** True when the block is a Confer meeting (counts towards the per-day meeting cap). */
  isConferMeeting?: boolean;
}

/** Lower-case English weekday names, as Graph writes them. */
export type { Weekday };

/** A person's working hours as their mailbox states them, in their own zone. */
export interface WorkingHours {
  days: readonly Weekday[];
  /** `HH:mm`, local to `timeZone`. */
  start: string;
  end: string;
  /** IANA zone. */
  timeZone: string;
}

/**
 * Why someone's calendar could not be read. The tab and the bot show a plain message per status and
 * never treat an unreadable calendar as free.
 */
export type CalendarReadStatus =
  | 'ok'
  | 'not_connected'
  | 'consent_required'
  | 'outside_access_policy'
  | 'mailbox_not_enabled'
  | 'external'
  | 'unknown';

export interface PersonRef {
  /** Entra object id when the person is in the directory; null for an external address. */
  userId: string | null;
  email: string;
  displayName: string;
}

export interface PersonAvailability {
  person: PersonRef;
  status: CalendarReadStatus;
  /** IANA zone of the person's mailbox (the organizer's zone when unknown). */
  timeZone: string;
  workingHours: WorkingHours | null;
  blocks: readonly BusyBlock[];
}

/** The contracts' list of series kinds; which dates each falls on is `@confer/contracts/time` (series.ts). */
export type { RecurrenceKind };

export interface RecurrenceRule {
  kind: RecurrenceKind;
  /** Number of occurrences (bounded so a series never runs forever unseen). */
  count: number;
}

export interface SlotRequest {
  window: Interval;
  durationMinutes: number;
  /** The organizer first; everyone in the meeting, up to 20 people. */
  people: readonly PersonAvailability[];
  /** Earliest start: now + minimum notice. */
  notBefore: Date;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  /** Maximum Confer meetings per person per (local) day; null = no cap. */
  maxMeetingsPerDay: number | null;
  /** Tentative blocks count as busy unless this is false. */
  tentativeIsBusy: boolean;
  /** Grid of candidate starts, minutes (15 by default). */
  stepMinutes: number;
  maxSuggestions: number;
  /** When set, every occurrence of the series must be free too. */
  recurrence: RecurrenceRule | null;
}

export type SuggestionReasonCode =
  | 'within_working_hours'
  | 'everyone_free'
  | 'tentative_overlap'
  | 'not_first_thing'
  | 'not_end_of_day'
  | 'early_for'
  | 'late_for'
  | 'soonest'
  | 'all_occurrences_free'
  /** Someone's calendar could not be read: the slot is free for everyone else, unknown for them. */
  | 'calendar_unknown';

export interface SuggestionReason {
  code: SuggestionReasonCode;
  /** Plain-language reason, e.g. "not first thing for Priya in Kolkata". */
  text: string;
}

export interface Suggestion extends Interval {
  /** Higher is better; comparable within one request only. */
  score: number;
  reasons: readonly SuggestionReason[];
}

export interface Conflict {
  /** The occurrence (or single meeting) that clashes. */
  occurrence: Interval;
  person: PersonRef;
  status: FreeBusyStatus | 'unreadable';
  /** Titles only for the organizer's own events. */
  subject?: string;
  block?: Interval;
}
