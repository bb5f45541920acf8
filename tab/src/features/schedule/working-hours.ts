import type { Interval } from './grid-geometry.ts';
import { addDays, instantAt, WEEKDAY_NAMES, weekdayOf } from './zone-time.ts';

/** Working hours as Outlook reports them (getSchedule `workingHours`): weekdays and `HH:mm` in their own zone. */
export interface WorkingHours {
  readonly days: readonly string[];
  readonly start: string;
  readonly end: string;
  readonly timeZone: string;
}

/**
 * A person's working hours as instants, for every one of their local days that can touch the viewer's days.
 * Their zone decides the day and the clock (a New Yorker's Monday 08:00 is Monday 13:00 in London, and an hour
 * later there in the weeks when only one of the two has changed its clocks).
 */
export function workingIntervals(hours: WorkingHours, viewerDays: readonly string[]): Interval[] {
  const first = viewerDays[0];
  const last = viewerDays[viewerDays.length - 1];
  if (!first || !last) return [];
  const from = toMinute(hours.start);
  const to = toMinute(hours.end);
  if (from === null || to === null) return [];
  const workdays = new Set(hours.days.map((d) => d.toLowerCase()));
  const intervals: Interval[] = [];
  // Zones are at most 26 hours apart, so one day either side covers every local day that can overlap.
  for (let key = addDays(first, -1); key <= addDays(last, 1); key = addDays(key, 1)) {
    if (!workdays.has(WEEKDAY_NAMES[weekdayOf(key)] ?? '')) continue;
    // An end at or before the start is a shift through midnight (e.g. 22:00–06:00).
    const end = to > from ? to : to + 1440;
    intervals.push({ start: instantAt(key, from, hours.timeZone), end: instantAt(key, end, hours.timeZone) });
  }
  return intervals;
}

/** True when the whole interval lies inside one working stretch. */
export function isInside(intervals: readonly Interval[], interval: Interval): boolean {
  return intervals.some((w) => w.start <= interval.start && w.end >= interval.end);
}

function toMinute(clock: string): number | null {
  const match = /^(\d{1,2}):(\d{2})/.exec(clock);
  if (!match) return null;
  return Number(match[1]) * 60 + Number(match[2]);
}
