/**
 * A person's working hours as instants: one expansion for the API's slot finder and the tab's grid, so a
 * time the suggestions call "inside working hours" is inside them on the grid too.
 */

import { addDays, weekdayNameOf } from './date-key.ts';
import { dateKeyIn, instantAt, isTimeZone, localParts } from './zoned-time.ts';

/** Working hours as Outlook states them (getSchedule `workingHours`): weekdays and clock times in their own zone. */
export interface WorkingHours {
  /** Lower-case English weekday names (`monday`), as Graph writes them. */
  readonly days: readonly string[];
  /** `HH:mm`, or Graph's `HH:mm:ss.fffffff`, local to `timeZone`. */
  readonly start: string;
  readonly end: string;
  /** IANA zone. */
  readonly timeZone: string;
}

/** Instants as epoch milliseconds; half-open `[start, end)`. */
export interface EpochSpan {
  start: number;
  end: number;
}

/** One local working day of one person: its instants and its local date in their zone. */
export interface WorkingDay extends EpochSpan {
  /** `YYYY-MM-DD` in the hours' zone: the local date the working day starts on. */
  date: string;
  /**
   * Only for hours that run past midnight: the instant the local date turns and the date after it. A
   * meeting counts against the local date it starts on, which for those hours is not always `date`.
   */
  nextDate?: { from: number; date: string };
}

/** What makes working hours unusable, naming the field. */
export interface WorkingHoursProblem {
  field: 'start' | 'end' | 'timeZone';
  value: string;
}

const CLOCK = /^(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;

/** Minutes since midnight of `HH:mm` or Graph's `HH:mm:ss.fffffff`; undefined for anything else. */
export function clockMinutes(value: string): number | undefined {
  const match = CLOCK.exec(value);
  const hour = Number(match?.[1]);
  const minute = Number(match?.[2]);
  if (!match || hour > 23 || minute > 59) return undefined;
  return hour * 60 + minute;
}

/** The first thing wrong with the hours (a clock time that is not `HH:mm`, an unknown zone), or null. */
export function workingHoursProblem(hours: WorkingHours): WorkingHoursProblem | null {
  if (clockMinutes(hours.start) === undefined) return { field: 'start', value: hours.start };
  if (clockMinutes(hours.end) === undefined) return { field: 'end', value: hours.end };
  if (!isTimeZone(hours.timeZone)) return { field: 'timeZone', value: hours.timeZone };
  return null;
}

/**
 * The working days that overlap `window`, clipped to it, computed per local date in the hours' own zone so
 * the instants move with that zone's clock changes and nobody else's. Hours whose end is not after their
 * start run past midnight into the next date. A start or end skipped by a clock change follows the rule in
 * zoned-time.ts. Throws a RangeError for hours `workingHoursProblem` rejects.
 */
export function workingDays(hours: WorkingHours, window: EpochSpan): WorkingDay[] {
  const problem = workingHoursProblem(hours);
  if (problem) throw new RangeError(`Unusable working hours ${problem.field}: "${problem.value}"`);
  const zone = hours.timeZone;
  const start = clockMinutes(hours.start) ?? 0;
  const end = clockMinutes(hours.end) ?? 0;
  const overnight = end <= start;
  const workdays = new Set(hours.days.map((day) => day.toLowerCase()));
  const result: WorkingDay[] = [];
  let previous: { from: number; to: number; midnight?: number } | undefined;
  // From the local date before the window: hours that run past midnight may start on it.
  for (let date = addDays(dateKeyIn(window.start, zone), -1); ; date = addDays(date, 1)) {
    const from = localInstant(date, start, zone, previous?.from);
    if (from >= window.end) break;
    const next = addDays(date, 1);
    const to = localInstant(overnight ? next : date, end, zone, previous?.to);
    const midnight = overnight ? localInstant(next, 0, zone, previous?.midnight) : undefined;
    previous = { from, to, ...(midnight === undefined ? {} : { midnight }) };
    if (!workdays.has(weekdayNameOf(date))) continue;
    const clipped = { start: Math.max(from, window.start), end: Math.min(to, window.end) };
    if (clipped.end <= clipped.start) continue;
    result.push({ ...clipped, date, ...(midnight === undefined ? {} : { nextDate: { from: midnight, date: next } }) });
  }
  return result;
}

/**
 * The instant of a wall-clock time on a local date. Working days repeat daily, so the instant 24 hours after
 * yesterday's is tried first and kept when it reads back as the wanted time (every day but a clock change):
 * one Intl reading instead of the several a full resolution takes.
 */
function localInstant(dateKey: string, minuteOfDay: number, zone: string, yesterday: number | undefined): number {
  if (yesterday !== undefined) {
    const guess = yesterday + 86_400_000;
    const read = localParts(guess, zone);
    if (read.dateKey === dateKey && read.secondOfDay === minuteOfDay * 60) return guess;
  }
  return instantAt(dateKey, minuteOfDay, zone).getTime();
}
