import type { MeetingDto, RecurrenceKind } from '@confer/contracts';
import type { Translator } from '@confer/contracts/i18n';
import { zoneDisplayName } from '@confer/contracts/time';

/** Dates and times of meetings in the viewer's locale and zone, with Intl only. */
export interface MeetingFormatters {
  /** "Mon 23 Nov, 09:00 – 09:30" (the date once when both ends fall on the same day). */
  when(start: string, end: string): string;
  /** "Monday 23 November 2026". */
  longDate(instant: string): string;
  /** "23 Nov, 14:05", for history and notes. */
  stamp(instant: string): string;
  /** "Fri, 27 Nov 2026" for a `YYYY-MM-DD` due date (a calendar date, not an instant). */
  dueDate(date: string): string;
  /** "Central European Time" or the IANA name. */
  zoneName(): string;
}

export function createMeetingFormatters(locale: string, timeZone: string): MeetingFormatters {
  const range = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
  });
  const long = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const stamp = new Intl.DateTimeFormat(locale, {
    timeZone,
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
  });
  const due = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  return {
    when: (start, end) => range.formatRange(new Date(start), new Date(end)),
    longDate: (instant) => long.format(new Date(instant)),
    stamp: (instant) => stamp.format(new Date(instant)),
    dueDate: (date) => due.format(new Date(`${date}T12:00:00Z`)),
    zoneName: () => zoneDisplayName(locale, timeZone),
  };
}

/** How the tab names each kind of series, in the repetition choice and wherever a series is described (keys). */
export const RECURRENCE_LABELS: Readonly<Record<RecurrenceKind, string>> = {
  weekly: 'common.recurrence.weekly',
  biweekly: 'common.recurrence.biweekly',
  monthly: 'common.recurrence.monthly',
};

/** "Every two weeks, 6 times". */
export function describeRecurrence(i18n: Translator, recurrence: MeetingDto['recurrence']): string | null {
  if (!recurrence) return null;
  return i18n.t('common.recurrence.times', {
    kind: i18n.t(RECURRENCE_LABELS[recurrence.kind]),
    count: recurrence.count,
  });
}

export type AttendeeResponse = MeetingDto['attendees'][number]['response'];

/** The words for each response (catalogue keys). */
export const responseWords: Record<AttendeeResponse, string> = {
  organizer: 'common.response.organizer',
  accepted: 'common.response.accepted',
  tentativelyAccepted: 'common.response.tentative',
  declined: 'common.response.declined',
  notResponded: 'common.response.none',
  none: 'common.response.none',
};
