import { addDays, startOfDay, type WorkingHours, workingDays, workingHoursProblem } from '@confer/contracts/time';
import type { Interval } from './grid-geometry.ts';

/**
 * A person's working hours as instants, for every one of their local days that can touch the viewer's days,
 * expanded exactly as the suggestions expand them. Their zone decides the day and the clock (a New Yorker's
 * Monday 08:00 is Monday 13:00 in London, and an hour later there in the weeks when only one of the two has
 * changed its clocks). Hours the API sent but nobody can read give no intervals.
 */
export function workingIntervals(hours: WorkingHours, viewerDays: readonly string[]): Interval[] {
  const first = viewerDays[0];
  const last = viewerDays[viewerDays.length - 1];
  if (!first || !last || workingHoursProblem(hours)) return [];
  // Zones are up to 26 hours apart, so the viewer's first midnight can be late on the person's date two days
  // earlier, and their last day can end early on the person's date two days later.
  const window = {
    start: startOfDay(addDays(first, -2), hours.timeZone).getTime(),
    end: startOfDay(addDays(last, 3), hours.timeZone).getTime(),
  };
  return workingDays(hours, window).map((day) => ({ start: new Date(day.start), end: new Date(day.end) }));
}

/** True when the whole interval lies inside one working stretch. */
export function isInside(intervals: readonly Interval[], interval: Interval): boolean {
  const from = interval.start.getTime();
  const to = interval.end.getTime();
  return intervals.some((w) => w.start.getTime() <= from && w.end.getTime() >= to);
}
