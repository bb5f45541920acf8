import { DateTime } from 'luxon';

/**
 * "The next 7 days" as a person reads it: from the start of today in their own time zone to the same
 * wall-clock time seven days later. Computed in the zone, so a DST change inside the week makes the
 * window 167 or 169 hours long rather than cutting a day short.
 */
export function weekWindow(now: Date, timeZone: string): { start: Date; end: Date } {
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  if (!today.isValid) throw new RangeError(`Unknown time zone: ${timeZone}`);
  return { start: today.toJSDate(), end: today.plus({ days: 7 }).toJSDate() };
}
