import { DateTime, IANAZone } from 'luxon';
import { AppError } from '../app-error.ts';
import { type Span, toInterval, toSpan } from './interval-math.ts';
import type { Interval, PersonAvailability, Weekday, WorkingHours } from './model.ts';

/**
 * Hours assumed for someone whose mailbox states none: Monday to Friday 08:00–17:00 in their own zone,
 * the same default Graph's findMeetingTimes applies for `activityDomain: work` (docs/reference/graph-calendar.md §2).
 * Never the organizer's hours: a colleague in Kolkata does not work London hours.
 */
export const DEFAULT_WORKING_HOURS = {
  days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
  start: '08:00',
  end: '17:00',
} as const;

/** One local working day of one person: its instants and its local date in their zone. */
export interface WorkingDay extends Span {
  /** `yyyy-MM-dd` in the person's zone: the local date the working day starts on. */
  date: string;
  /**
   * Only for hours that run past midnight: the instant the local date turns and the date after it. A
   * meeting counts against the local date it starts on, which for those hours is not always `date`.
   */
  nextDate?: { from: number; date: string };
}

const LUXON_WEEKDAYS: readonly Weekday[] = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
];

/** The person's stated hours, or the default hours in the person's zone. */
export function workingHoursOf(person: Pick<PersonAvailability, 'timeZone' | 'workingHours'>): WorkingHours {
  return person.workingHours ?? { ...DEFAULT_WORKING_HOURS, timeZone: person.timeZone };
}

/** The intervals inside `window` when the person works, one per local working day. */
export function workingIntervals(
  person: Pick<PersonAvailability, 'timeZone' | 'workingHours'>,
  window: Interval,
): Interval[] {
  return workingDays(workingHoursOf(person), toSpan(window)).map(toInterval);
}

/**
 * Working days computed per local date in the hours' own zone, so the instants move with that zone's DST
 * and not with anyone else's. A start or end that falls in a spring-forward gap moves to the first real
 * instant after it (luxon's rule); hours whose end is not after their start run past midnight.
 */
export function workingDays(hours: WorkingHours, window: Span): WorkingDay[] {
  const start = parseClock(hours.start, 'start');
  const end = parseClock(hours.end, 'end');
  const zone = IANAZone.create(hours.timeZone);
  if (!zone.isValid) {
    throw new AppError('validation_failed', `Unknown time zone: ${hours.timeZone}`, {
      details: { zone: hours.timeZone },
    });
  }
  const overnight = end.hour * 60 + end.minute <= start.hour * 60 + start.minute;
  const days = new Set(hours.days);
  const result: WorkingDay[] = [];
  let previous: { from: number; to: number; midnight?: number } | undefined;
  for (let date = firstLocalDate(window.start, zone); ; date = nextDate(date)) {
    const from = localInstant(zone, date, start, previous?.from);
    if (from >= window.end) break;
    const next = nextDate(date);
    const to = localInstant(zone, overnight ? next : date, end, previous?.to);
    const midnight = overnight ? localInstant(zone, next, MIDNIGHT, previous?.midnight) : undefined;
    previous = { from, to, ...(midnight === undefined ? {} : { midnight }) };
    if (!days.has(date.weekday)) continue;
    const clipped = { start: Math.max(from, window.start), end: Math.min(to, window.end) };
    if (clipped.end <= clipped.start) continue;
    result.push({
      ...clipped,
      date: date.iso,
      ...(midnight === undefined ? {} : { nextDate: { from: midnight, date: next.iso } }),
    });
  }
  return result;
}

/** A calendar date with no zone: dates step by whole days whatever the clocks do. */
interface LocalDate {
  year: number;
  month: number;
  day: number;
  weekday: Weekday;
  iso: string;
}

/** The local date the day before `instant` (hours that run past midnight may start on it). */
function firstLocalDate(instant: number, zone: IANAZone): LocalDate {
  const local = DateTime.fromMillis(instant, { zone });
  return dateOf(Date.UTC(local.year, local.month - 1, local.day - 1));
}

function nextDate(date: LocalDate): LocalDate {
  return dateOf(Date.UTC(date.year, date.month - 1, date.day + 1));
}

/** `civil` is a UTC midnight standing for a calendar date, used for date arithmetic only. */
function dateOf(civil: number): LocalDate {
  const d = new Date(civil);
  const weekday = LUXON_WEEKDAYS[(d.getUTCDay() + 6) % 7]!;
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday,
    iso: d.toISOString().slice(0, 10),
  };
}

/**
 * The instant of a wall-clock time on a local date. Resolving a wall-clock time is luxon's slowest
 * operation, and working days repeat daily: the instant 24 hours after yesterday's is tried first and kept
 * when luxon reads it back as the wanted local time (every day except a clock change).
 */
function localInstant(zone: IANAZone, date: LocalDate, clock: Clock, yesterday: number | undefined): number {
  if (yesterday !== undefined) {
    const guess = yesterday + 86_400_000;
    const read = DateTime.fromMillis(guess, { zone });
    if (read.day === date.day && read.hour === clock.hour && read.minute === clock.minute) return guess;
  }
  return DateTime.fromObject({ year: date.year, month: date.month, day: date.day, ...clock }, { zone }).toMillis();
}

interface Clock {
  hour: number;
  minute: number;
}

const MIDNIGHT: Clock = { hour: 0, minute: 0 };

/** `HH:mm` or Graph's `HH:mm:ss.fffffff` into hour and minute. */
function parseClock(value: string, which: 'start' | 'end'): Clock {
  const match = /^(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(value);
  const hour = Number(match?.[1]);
  const minute = Number(match?.[2]);
  if (!match || hour > 23 || minute > 59) {
    throw new AppError('validation_failed', `Working hours ${which} must be HH:mm, got "${value}"`, {
      details: { field: `workingHours.${which}`, value },
    });
  }
  return { hour, minute };
}
