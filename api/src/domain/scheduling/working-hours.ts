import { DateTime } from 'luxon';
import { AppError } from '../app-error.ts';
import { type Span, toInterval, toSpan } from './interval-math.ts';
import type { Interval, PersonAvailability, Weekday, WorkingHours } from './model.ts';

/**
 * Hours assumed for someone whose mailbox states none: Monday to Friday 08:00–17:00 in their own zone,
 * the same default Graph's findMeetingTimes applies for `activityDomain: work` (graph-calendar.md §2).
 * Never the organizer's hours: a colleague in Kolkata does not work London hours.
 */
export const DEFAULT_WORKING_HOURS = {
  days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
  start: '08:00',
  end: '17:00',
} as const;

/** One local working day of one person: its instants and its local date in their zone. */
export interface WorkingDay extends Span {
  /** `yyyy-MM-dd` in the person's zone (the day a per-day meeting cap counts against). */
  date: string;
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
  const zone = hours.timeZone;
  const days = new Set(hours.days);
  let date = DateTime.fromMillis(window.start, { zone }).startOf('day').minus({ days: 1 });
  if (!date.isValid) throw new AppError('validation_failed', `Unknown time zone: ${zone}`, { details: { zone } });
  const result: WorkingDay[] = [];
  while (date.toMillis() < window.end) {
    if (days.has(LUXON_WEEKDAYS[date.weekday - 1]!)) {
      const from = date.set(start).toMillis();
      const endDate = end.hour * 60 + end.minute > start.hour * 60 + start.minute ? date : date.plus({ days: 1 });
      const to = endDate.set(end).toMillis();
      const clipped = { start: Math.max(from, window.start), end: Math.min(to, window.end) };
      if (clipped.end > clipped.start) result.push({ ...clipped, date: date.toISODate() ?? '' });
    }
    date = date.plus({ days: 1 });
  }
  return result;
}

/** `HH:mm` or Graph's `HH:mm:ss.fffffff` into hour and minute. */
function parseClock(value: string, which: 'start' | 'end'): { hour: number; minute: number } {
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
