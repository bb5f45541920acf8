/**
 * Calendar dates with no zone, written as date keys (`YYYY-MM-DD`). They step by whole days whatever the
 * clocks do, so the arithmetic runs on UTC midnights, which never change offset.
 */

const DAY_MS = 86_400_000;

/** Weekday names as Graph writes them in `workingHours.daysOfWeek`, indexed from Sunday = 0 like `Date.getUTCDay`. */
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The same names in ISO order, Monday first, as Outlook's settings and luxon's `weekday` (1 = Monday) count them. */
export const WEEKDAYS_FROM_MONDAY = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;

/** Monday to Friday: the days assumed when a mailbox states no working hours (and the settings' starting choice). */
export const WORKWEEK = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;

const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD` (not `2026-02-30`). */
export function isDateKey(value: string): boolean {
  const match = DATE_KEY.exec(value);
  if (!match) return false;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))).toISOString().startsWith(value);
}

/** UTC midnight standing for the date: for date arithmetic only, never an instant anyone lives at. */
export function utcMidnightOf(dateKey: string): number {
  const { year, month, day } = partsOf(dateKey);
  return Date.UTC(year, month - 1, day);
}

/** The UTC calendar date of an instant, as a date key. */
export function utcDateKeyOf(instant: Date | number): string {
  const date = new Date(instant);
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${twoDigits(date.getUTCMonth() + 1)}-${twoDigits(date.getUTCDate())}`;
}

// Date keys are read and written by position rather than with split or toISOString: the slot finder steps
// through thousands of them per request, and this is several times faster.
function partsOf(dateKey: string): { year: number; month: number; day: number } {
  return {
    year: Number(dateKey.slice(0, 4)),
    month: Number(dateKey.slice(5, 7)),
    day: Number(dateKey.slice(8, 10)),
  };
}

function twoDigits(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

export function addDays(dateKey: string, days: number): string {
  return utcDateKeyOf(utcMidnightOf(dateKey) + days * DAY_MS);
}

/**
 * The same day of the month `months` later (earlier when negative); in a shorter month, its last day, so
 * 31 January plus one month is 28 February, or 29 in a leap year (Outlook's monthly rule, see series.ts).
 */
export function addMonthsClamped(dateKey: string, months: number): string {
  const { year, month, day } = partsOf(dateKey);
  const lastDay = new Date(Date.UTC(year, month + months, 0)).getUTCDate();
  return utcDateKeyOf(Date.UTC(year, month - 1 + months, Math.min(day, lastDay)));
}

/** Whole days from `from` to `to` (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnightOf(to) - utcMidnightOf(from)) / DAY_MS);
}

/** Inclusive list of date keys from `first` to `last`; empty when `last` comes first. */
export function dateKeysBetween(first: string, last: string): string[] {
  const keys: string[] = [];
  for (let key = first; key <= last; key = addDays(key, 1)) keys.push(key);
  return keys;
}

/** 0 = Sunday … 6 = Saturday, as `Date.getUTCDay`. */
export function weekdayOf(dateKey: string): number {
  return new Date(utcMidnightOf(dateKey)).getUTCDay();
}

export function weekdayNameOf(dateKey: string): Weekday {
  return WEEKDAYS[weekdayOf(dateKey)] ?? 'sunday';
}

/** Noon UTC of a date key: formatting it with `timeZone: 'UTC'` shows that calendar date in any locale. */
export function noonOf(dateKey: string): Date {
  return new Date(utcMidnightOf(dateKey) + DAY_MS / 2);
}
